/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, CDPSession, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startServerProcess, type ServerProcess } from '../support/serverProcess';
import { launchChromium } from './support/chromium';
import { seedHistory } from './support/seedHistory';
import { mapLayerBoxes, openWall } from './support/wallPage';

/**
 * The leaders' tablet in a real browser (touch enabled) against the real server, with a wall
 * screen open beside it for "push to wall". Screenshots go to .tmp/screenshots;
 * CONSOLE_SCREENSHOTS=docs/screenshots refreshes the committed ones.
 */
const SHOTS = join(REPO_ROOT, process.env.CONSOLE_SCREENSHOTS ?? '.tmp/screenshots');
/** How long a live change may take to show under load (expect.poll's own default is 1 s). */
const POLL = { timeout: 15_000 };
/** The browser's own log line for the expected 401 of "who am I?" before signing in. */
const EXPECTED_401 = /status of 401/;
/** The demo wall screen's name (server/auth/demoAccounts.ts). */
const DEMO_WALL = '指挥大厅主屏';

let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([startServerProcess({ env: { SIMULATOR: 'on', SIMULATOR_RATE: '120', TICK_MS: '250' } }), launchChromium()]);
  const officer = await server.login('officer');
  await seedHistory(
    server.url,
    {
      ingest: { 'content-type': 'application/json', authorization: `Bearer ${server.creds.ingestToken}` },
      officer: { 'content-type': 'application/json', authorization: `Bearer ${officer}` },
    },
    300,
    17,
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

interface Tablet {
  page: Page;
  context: BrowserContext;
  map: Locator;
  errors: string[];
  close(): Promise<void>;
}

/** A touch tablet profile, signed in through the log-in page as `role`, on /tablet. */
async function openTablet(viewport = { width: 1280, height: 800 }, role: 'leader' | 'officer' = 'leader', wait = true): Promise<Tablet> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'zh-CN', hasTouch: true });
  const page = await context.newPage();
  // The test machine may be busy (other suites, few cores): waits are generous, not the cause of a failure.
  page.setDefaultTimeout(45_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !EXPECTED_401.test(m.text())) errors.push(`console.error: ${m.text()}`);
  });
  await page.goto(`${server.url}/tablet`);
  await page.waitForURL(/\/login\?/);
  await page.fill('[data-test="login-username"]', server.creds[role].username);
  await page.fill('[data-test="login-password"]', server.creds[role].password);
  await page.click('[data-test="login-submit"]');
  const map = page.locator('[data-test="tablet"] [data-test="map"]');
  if (wait) {
    await map.waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => Number(document.querySelector('[data-test="kpi-today"] [data-value]')?.getAttribute('data-value')?.replace(/,/g, '')) > 0);
  }
  return { page, context, map, errors, close: () => context.close() };
}

/** A point in the map's middle (inside one of the regions drawn), in page coordinates. */
async function middleOf(map: Locator): Promise<{ x: number; y: number }> {
  const b = (await map.boundingBox())!;
  return { x: Math.round(b.x + b.width / 2), y: Math.round(b.y + b.height * 0.55) };
}

async function tap(page: Page, p: { x: number; y: number }): Promise<void> {
  await page.touchscreen.tap(p.x, p.y);
}

/** A one-finger drag from `from`, `dx` px to the right, in `steps` touch moves. */
async function touchDrag(cdp: CDPSession, from: { x: number; y: number }, dx: number, steps = 6): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
  for (let i = 1; i <= steps; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: from.x + (dx * i) / steps, y: from.y }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

describe('the leaders\u2019 tablet', () => {
  it('pushes the leader\u2019s view to the wall, which follows every drill-down showing who drives it, until released', async () => {
    const wall = await openWall(browser, `${server.url}/?screen=${server.creds.wallToken}`);
    const tablet = await openTablet();
    try {
      const { page, map } = tablet;
      const wallMap = wall.page.locator('[data-test="map"]');
      const district = await map.getAttribute('data-focus');
      const row = page.locator('[data-test="wall-row"]', { hasText: DEMO_WALL });
      await row.waitFor({ timeout: 15_000 });
      expect(await row.getAttribute('data-following')).toBe('false');

      // Tap into a street, then push (all walls is the default choice).
      await tap(page, await middleOf(map));
      await expect.poll(() => map.getAttribute('data-focus').then((f) => f?.length), POLL).toBe(9);
      const street = (await map.getAttribute('data-focus'))!;
      expect(street.startsWith(district!)).toBe(true);
      await page.click('[data-test="push-button"]');
      await expect.poll(() => page.locator('[data-test="push-result"]').innerText(), POLL).toContain('已推送到 1 块大屏');
      await expect.poll(() => row.getAttribute('data-following'), POLL).toBe('true');
      await page.locator('[data-test="following-banner"]').waitFor();

      // The wall shows the leader's view, and who drives it.
      await expect.poll(() => wallMap.getAttribute('data-focus'), { timeout: 10_000 }).toBe(street);
      await expect.poll(() => wall.page.locator('[data-test="driven-by"]').innerText(), POLL).toContain('演示领导');

      // A further drill-down on the tablet: the wall follows it without another push.
      await tap(page, await middleOf(map));
      await expect.poll(() => map.getAttribute('data-focus').then((f) => f?.length), POLL).toBe(12);
      const community = (await map.getAttribute('data-focus'))!;
      await expect.poll(() => wallMap.getAttribute('data-focus'), { timeout: 10_000 }).toBe(community);
      // …and the colouring too.
      await page.click('[data-test="metric-switch"] [data-metric="overdue"]');
      await expect.poll(() => wallMap.getAttribute('data-metric'), { timeout: 10_000 }).toBe('overdue');

      // Released: the wall is its own again; the tablet says nobody follows.
      await page.click('[data-test="release-button"]');
      await expect.poll(() => wall.page.locator('[data-test="driven-by"]').count(), { timeout: 10_000 }).toBe(0);
      await expect.poll(() => page.locator('[data-test="following-banner"]').count(), POLL).toBe(0);
      await expect.poll(() => row.getAttribute('data-following'), POLL).toBe('false');
      await expect.poll(() => page.locator('[data-test="push-result"]').innerText(), POLL).toContain('已收回 1 块大屏');
      // The tablet moving on no longer moves the wall.
      await page.click('[data-test="breadcrumb"] [data-test="back"]');
      await expect.poll(() => map.getAttribute('data-focus'), POLL).toBe(street);
      await page.waitForTimeout(1500);
      expect(await wallMap.getAttribute('data-focus')).not.toBe(street);
      expect(tablet.errors).toEqual([]);
      expect(wall.errors).toEqual([]);
    } finally {
      await tablet.close();
      await wall.close();
    }
  });

  it('lets go of the walls that follow when the leader signs out', async () => {
    const wall = await openWall(browser, `${server.url}/?screen=${server.creds.wallToken}`);
    const tablet = await openTablet();
    try {
      const { page } = tablet;
      await page.locator('[data-test="wall-row"]', { hasText: DEMO_WALL }).waitFor({ timeout: 15_000 });
      await page.click('[data-test="push-button"]');
      await expect.poll(() => wall.page.locator('[data-test="driven-by"]').count(), { timeout: 10_000 }).toBe(1);
      // The tablet knows the wall follows once the server has answered the push.
      await page.locator('[data-test="following-banner"]').waitFor();
      await page.click('[data-test="logout"]');
      await page.waitForURL(/\/login\?/);
      await expect.poll(() => wall.page.locator('[data-test="driven-by"]').count(), { timeout: 10_000 }).toBe(0);
    } finally {
      await tablet.close();
      await wall.close();
    }
  });

  it('pans and zooms the map by touch without drilling or going back, and resets it', async () => {
    const tablet = await openTablet();
    try {
      const { page, map, context } = tablet;
      const cdp = await context.newCDPSession(page);
      await tap(page, await middleOf(map));
      await expect.poll(() => map.getAttribute('data-focus').then((f) => f?.length), POLL).toBe(9);
      const street = await map.getAttribute('data-focus');
      await page.waitForTimeout(500);
      const before = await map.screenshot();

      // A quick one-finger swipe to the right is a pan here, not "back".
      await touchDrag(cdp, await middleOf(map), 260, 5);
      await page.locator('[data-test="reset-map"]').waitFor();
      await page.waitForTimeout(900);
      expect(await map.getAttribute('data-focus')).toBe(street);
      expect((await map.screenshot()).equals(before)).toBe(false);

      await page.click('[data-test="reset-map"]');
      await expect.poll(() => page.locator('[data-test="reset-map"]').count(), POLL).toBe(0);

      // Two fingers apart: zoom in, still on the same street.
      const m = await middleOf(map);
      await cdp.send('Input.synthesizePinchGesture', { x: m.x, y: m.y, scaleFactor: 2, gestureSourceType: 'touch' });
      await page.locator('[data-test="reset-map"]').waitFor();
      expect(await map.getAttribute('data-focus')).toBe(street);

      // Back is the breadcrumb's button.
      await page.click('[data-test="breadcrumb"] [data-test="back"]');
      await expect.poll(() => map.getAttribute('data-focus').then((f) => f?.length), POLL).toBe(6);
      expect(tablet.errors).toEqual([]);
    } finally {
      await tablet.close();
    }
  });

  it('tells a duty officer plainly that the tablet is not theirs (403), with a way to the console', async () => {
    const tablet = await openTablet(undefined, 'officer', false);
    try {
      const forbidden = tablet.page.locator('[data-test="forbidden"]');
      await forbidden.waitFor();
      expect(await forbidden.innerText()).toContain('无权使用领导移动端');
      expect(await forbidden.locator('a[href="/console"]').count()).toBe(1);
    } finally {
      await tablet.close();
    }
  });

  it.each([
    { width: 1280, height: 800, file: 'tablet-landscape.png' },
    { width: 800, height: 1280, file: 'tablet-portrait.png' },
    { width: 1024, height: 1366, file: 'tablet-1024x1366.png' },
  ])('fits $width×$height with finger-sized controls, every label in English when switched ($file)', async ({ width, height, file }) => {
    const wall = await openWall(browser, `${server.url}/?screen=${server.creds.wallToken}`);
    const tablet = await openTablet({ width, height });
    try {
      const { page } = tablet;
      await page.locator('[data-test="wall-row"]').first().waitFor({ timeout: 15_000 });
      const fit = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, sh: document.documentElement.scrollHeight, iw: innerWidth, ih: innerHeight }));
      expect(fit.sw).toBeLessThanOrEqual(fit.iw);
      expect(fit.sh).toBeLessThanOrEqual(fit.ih);
      // Every button a finger has to hit is at least 44 CSS px tall.
      for (const b of await page.locator('[data-test="tablet"] button:visible').all()) {
        const r = await b.boundingBox();
        if (r) expect(r.height, await b.innerText()).toBeGreaterThanOrEqual(43.5);
      }
      // The map, the figures and the push panel all lie on screen.
      for (const sel of ['[data-test="map"]', '[data-test="tablet-counters"]', '[data-test="push-panel"]']) {
        const r = (await page.locator(sel).boundingBox())!;
        expect(r.y + r.height, sel).toBeLessThanOrEqual(height + 1);
        expect(r.x + r.width, sel).toBeLessThanOrEqual(width + 1);
      }
      const layers = await mapLayerBoxes(page);
      expect(layers).toHaveLength(3);
      expect(new Set(layers).size).toBe(1);
      // As in a briefing: the wall follows this tablet.
      await page.click('[data-test="push-button"]');
      await page.locator('[data-test="following-banner"]').waitFor();
      await page.waitForTimeout(1500);
      await page.screenshot({ path: join(SHOTS, file), animations: 'disabled' });
      await page.click('[data-test="release-button"]');
      await expect.poll(() => page.locator('[data-test="following-banner"]').count(), POLL).toBe(0);

      await page.click('[data-test="lang"]');
      await expect.poll(() => page.locator('[data-test="tablet-title"]').innerText(), POLL).toBe('Leaders\u2019 tablet');
      const text = await page.locator('[data-test="tablet"]').innerText();
      expect(text).toContain('Push to wall');
      for (const label of ['领导移动端', '推送到大屏', '收回', '全部大屏', '今日事件', '未办结', '待处理告警', '轻点区域', '退出登录', '自主显示', '返回上级', '着色指标']) expect(text).not.toContain(label);
      expect(tablet.errors).toEqual([]);
    } finally {
      await tablet.close();
      await wall.close();
    }
  });
});
