/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiPath } from '../../shared/protocol/socketProtocol';
import { demoGrids } from '../support/demoPoints';
import { REPO_ROOT, startServerProcess, type ServerProcess } from '../support/serverProcess';
import { launchChromium } from './support/chromium';
import { demoAuth, type DemoAuth } from './support/demoAuth';
import { seedHistory } from './support/seedHistory';
import { seedVolunteerHistory } from './support/seedVolunteerHistory';
import { mapLayerBoxes, openWall, settle, waitForLiveCounters } from './support/wallPage';

/**
 * The wall in a real browser against the real server with a fast simulator. Screenshots go to
 * .tmp/screenshots; WALL_SCREENSHOTS=docs/screenshots refreshes the committed ones.
 */
const SHOTS = join(REPO_ROOT, process.env.WALL_SCREENSHOTS ?? '.tmp/screenshots');
/** 新园社区 of 兴胜街道 (one of the articles' communities), 15 grids. */
const COMMUNITY = '150602012004';

let server: ServerProcess;
let browser: Browser;
let auth: DemoAuth;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([
    startServerProcess({ env: { SIMULATOR: 'on', SIMULATOR_RATE: '600', TICK_MS: '250' } }),
    launchChromium(),
  ]);
  auth = await demoAuth(server.url, server.dataDir);
  // A past (yesterday's hours, closures, overdue cases), so the wall is tested as it looks in service.
  await seedHistory(server.url, auth);
  await seedVolunteerHistory(server.url, auth);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('the wall', () => {
  it('loads and shows non-zero counters from the simulator, with no errors', async () => {
    const wall = await openWall(browser, wallUrl());
    try {
      const { page } = wall;
      const open = await page.getAttribute('[data-test="kpi-open"] [data-value]', 'data-value');
      expect(Number(open?.replace(/,/g, ''))).toBeGreaterThan(0);
      await expect.poll(() => page.locator('[data-test="feed-row"]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      // No data source yet: a dash and "待接入", never a made-up number.
      expect(await page.getAttribute('[data-test="kpi-onPatrol"] [data-value]', 'data-value')).toBe('—');
      await expect.poll(() => page.locator('[data-test="kpi-onPatrol"]').innerText()).toContain('待接入');
      expect(await page.locator('[data-test="title"]').innerText()).toContain('东胜区');
      expect(wall.errors).toEqual([]);
    } finally {
      await wall.close();
    }
  });

  it('drills down on a click on the map, changing the breadcrumb and the map, and goes back with Esc', async () => {
    const wall = await openWall(browser, wallUrl());
    try {
      const { page } = wall;
      const map = page.locator('[data-test="map"]');
      const district = await map.getAttribute('data-map-region');
      expect(await page.locator('[data-test="breadcrumb"] li').count()).toBe(1);
      const before = await map.screenshot();
      // The district's middle lies inside one of its streets: hovering it names the street.
      await map.hover({ position: await centreOf(map) });
      const tip = page.locator('[data-test="map-tooltip"]');
      await tip.waitFor({ timeout: 5_000 });
      expect(await tip.innerText()).toContain('街道');
      await map.click({ position: await centreOf(map) });
      await expect.poll(() => page.locator('[data-test="breadcrumb"] li').count(), { timeout: 10_000 }).toBe(2);
      // The street clicked is no longer on the map: its tooltip goes with it, though the pointer has not moved.
      await expect.poll(() => tip.count(), { timeout: 5_000 }).toBe(0);
      const street = await map.getAttribute('data-map-region');
      expect(street).not.toBe(district);
      expect(street?.startsWith(district!)).toBe(true);
      await settle(page);
      expect((await map.screenshot()).equals(before)).toBe(false);
      expect(page.url()).toContain(`focus=${street}`);
      await page.keyboard.press('Escape');
      await expect.poll(() => map.getAttribute('data-map-region')).toBe(district);
      expect(wall.errors).toEqual([]);
    } finally {
      await wall.close();
    }
  });

  it('shows a posted critical event in the alert strip at once, its text escaped', async () => {
    const wall = await openWall(browser, wallUrl());
    try {
      const { page } = wall;
      const grid = demoGrids()[0];
      const res = await fetch(`${server.url}${ApiPath.events}`, {
        method: 'POST',
        headers: auth.ingest,
        body: JSON.stringify({
          clientId: `browser-critical-${Date.now()}`,
          category: 'safety_hazard',
          severity: 'critical',
          source: 'sensor',
          location: { lon: grid.lon, lat: grid.lat },
          description: '燃气泄漏<img src=x onerror="window.__xss=1">',
        }),
      });
      expect(res.status).toBe(201);
      const { event } = (await res.json()) as { event: { id: string } };
      const item = page.locator(`[data-test="alert-item"][data-event-id="${event.id}"]`);
      await item.waitFor({ timeout: 5_000 });
      expect(await item.getAttribute('data-kind')).toBe('critical_event');
      expect(await item.innerText()).toContain('燃气泄漏<img');
      expect(await page.locator('[data-test="alert-strip"] img').count()).toBe(0);
      expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
      // …and it ripples on the map where it was reported: hovering the ripple's centre names its street.
      const pulse = page.locator(`[data-test="map-pulse"][data-event-id="${event.id}"]`);
      await pulse.waitFor({ timeout: 5_000 });
      const at = (await pulse.boundingBox())!;
      await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
      const tip = page.locator('[data-test="map-tooltip"]');
      await expect.poll(() => tip.innerText(), { timeout: 5_000 }).toContain(grid.streetName);
    } finally {
      await wall.close();
    }
  });

  it.each([
    { width: 1920, height: 1080, file: 'wall-district-1920x1080.png' },
    { width: 3840, height: 2160, file: 'wall-3840x2160.png' },
    { width: 3840, height: 1080, file: 'wall-3840x1080.png' },
  ])('fills $width×$height without scrollbars or distortion ($file)', async ({ width, height, file }) => {
    const wall = await openWall(browser, wallUrl(), { width, height });
    try {
      const { page } = wall;
      const fit = await page.evaluate(() => {
        const stage = document.querySelector('[data-test="wall"]')!.getBoundingClientRect();
        const d = document.documentElement;
        return { sw: d.scrollWidth, sh: d.scrollHeight, iw: innerWidth, ih: innerHeight, w: stage.width, h: stage.height, rem: parseFloat(getComputedStyle(d).fontSize) };
      });
      expect(fit.sw).toBeLessThanOrEqual(fit.iw);
      expect(fit.sh).toBeLessThanOrEqual(fit.ih);
      // 16:9 and 32:9 are filled edge to edge; the scale is the same both ways (no distortion).
      expect(Math.abs(fit.w - width)).toBeLessThanOrEqual(1);
      expect(Math.abs(fit.h - height)).toBeLessThanOrEqual(1);
      expect(fit.rem).toBeCloseTo(height / 67.5, 1);
      // No panel is cut off: each one lies inside the screen.
      const outside = await page.evaluate(() =>
        [...document.querySelectorAll('.body > *')].filter((el) => {
          const r = el.getBoundingClientRect();
          return r.left < -1 || r.top < -1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1 || r.width < 10 || r.height < 10;
        }).length,
      );
      expect(outside).toBe(0);
      const layers = await mapLayerBoxes(page);
      expect(layers).toHaveLength(3);
      expect(new Set(layers).size).toBe(1);
      await settle(page, 2500);
      await page.screenshot({ path: join(SHOTS, file), animations: 'disabled', timeout: 60_000 });
      expect(wall.errors).toEqual([]);
    } finally {
      await wall.close();
    }
  });

  it('drilled into a community: its grids labelled, ranked, with their dots (screenshot)', async () => {
    const wall = await openWall(browser, wallUrl(`focus=${COMMUNITY}`));
    try {
      const { page } = wall;
      expect(await page.locator('[data-test="breadcrumb"] li').count()).toBe(3);
      expect(await page.getAttribute('[data-test="map"]', 'data-map-region')).toBe(COMMUNITY);
      expect(await page.locator('[data-test="focus-name"]').innerText()).toBe('新园社区');
      await settle(page, 2500);
      await page.screenshot({ path: join(SHOTS, 'wall-community-1920x1080.png'), animations: 'disabled' });
      expect(wall.errors).toEqual([]);
    } finally {
      await wall.close();
    }
  });

  it('colours the map by volunteer activity, from the volunteer panel counters (screenshot)', async () => {
    const wall = await openWall(browser, wallUrl());
    try {
      const { page } = wall;
      const map = page.locator('[data-test="map"]');
      const regions = page.locator('[data-test="map"] .region-map');
      await expect.poll(() => regions.getAttribute('data-valued'), { timeout: 10_000 }).not.toBe('0');
      await settle(page);
      const byOpen = await map.screenshot();
      for (const metric of ['volunteerActivities', 'volunteersActive']) {
        await page.locator(`[data-test="metric-switch"] [data-metric="${metric}"]`).click();
        await expect.poll(() => map.getAttribute('data-metric')).toBe(metric);
        expect(page.url()).toContain(`metric=${metric}`);
        // Every street has volunteer counters (the simulator registers teams in each community).
        await expect.poll(() => regions.getAttribute('data-valued'), { timeout: 10_000 }).toBe('12');
      }
      await page.locator('[data-test="metric-switch"] [data-metric="volunteerActivities"]').click();
      await settle(page, 2500);
      expect((await map.screenshot()).equals(byOpen)).toBe(false);
      await page.screenshot({ path: join(SHOTS, 'wall-volunteers-1920x1080.png'), animations: 'disabled' });
      expect(wall.errors).toEqual([]);
    } finally {
      await wall.close();
    }
  });

  it('in kiosk mode hides the cursor and controls, tours the streets, and pauses when touched', async () => {
    const wall = await openWall(browser, wallUrl('kiosk=1&tour=5&idle=5'));
    try {
      const { page } = wall;
      const map = page.locator('[data-test="map"]');
      expect(await page.locator('[data-test="metric-switch"]').isVisible()).toBe(false);
      expect(await page.locator('[data-test="lang"]').isVisible()).toBe(false);
      expect(await map.evaluate((el) => getComputedStyle(el).cursor)).toBe('none');
      const home = await map.getAttribute('data-focus');
      await expect.poll(() => map.getAttribute('data-focus'), { timeout: 10_000 }).not.toBe(home);
      expect((await map.getAttribute('data-focus'))?.length).toBe(9); // a street
      await page.mouse.move(200, 200);
      await page.mouse.move(220, 240);
      await expect.poll(() => page.locator('[data-test="tour"]').innerText()).toContain('暂停');
      const held = await map.getAttribute('data-focus');
      await page.waitForTimeout(4_000);
      expect(await map.getAttribute('data-focus')).toBe(held);
      // Quiet for the idle time: the tour resumes from the district.
      await expect.poll(() => map.getAttribute('data-focus'), { timeout: 10_000 }).toBe(home);
    } finally {
      await wall.close();
    }
  });

  it('opened with its screen link, trades it for a cookie and drops it from the address', async (ctx) => {
    if (!auth.wallToken) ctx.skip(); // a server without demo accounts has no screen token to give
    const wall = await openWall(browser, wallUrl());
    try {
      const { page } = wall;
      expect(page.url()).not.toContain('screen=');
      const cookies = await page.context().cookies();
      expect(cookies.some((c) => c.name === 'gp_screen' && c.httpOnly)).toBe(true);
    } finally {
      await wall.close();
    }
  });

  it('opened with its link where a duty officer is signed in, is the wall screen and leaves the officer signed in', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/login`);
      const signIn = await page.evaluate(async (c) => (await fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(c) })).status, server.creds.officer);
      expect(signIn).toBe(200);
      await page.goto(wallUrl());
      await waitForLiveCounters(page);
      const me = await page.evaluate(async () => ((await (await fetch('/api/auth/me')).json()) as { principal: { role: string } }).principal.role);
      expect(me).toBe('officer');
      // The page's socket is the wall screen: a leader sees it among the walls to drive.
      const leader = await server.login('leader');
      await expect
        .poll(async () => {
          const { walls } = (await (await fetch(`${server.url}${ApiPath.walls}`, { headers: { authorization: `Bearer ${leader}` } })).json()) as { walls: { id: string; connections: number }[] };
          return walls.find((w) => w.id === 'demo-wall')?.connections ?? 0;
        })
        .toBe(1);
    } finally {
      await context.close();
    }
  });

  it('switches to English with every label translated and numbers per locale', async () => {
    const wall = await openWall(browser, wallUrl('lang=en'));
    try {
      const { page } = wall;
      const text = await page.locator('[data-test="wall"]').innerText();
      expect(text).toContain('Command Centre');
      expect(text).toContain('Events today');
      // Only place names, residents' words and server-written alert text may be Chinese: no UI label.
      for (const label of ['今日事件', '未办结', '实时事件', '办结率', '告警', '待接入', '着色指标']) expect(text).not.toContain(label);
      await settle(page);
      await page.screenshot({ path: join(SHOTS, 'wall-english-1920x1080.png'), animations: 'disabled' });
    } finally {
      await wall.close();
    }
  });
});

/** The wall's address on the test server with `query`, signed in as the demo wall screen (its screen link). */
function wallUrl(query = ''): string {
  const q = new URLSearchParams(query);
  if (auth.wallToken) q.set('screen', auth.wallToken);
  const qs = q.toString();
  return `${server.url}/${qs ? `?${qs}` : ''}`;
}

/** A point near the middle of an element, relative to it. */
async function centreOf(loc: { boundingBox(): Promise<{ width: number; height: number } | null> }) {
  const box = (await loc.boundingBox())!;
  return { x: Math.round(box.width / 2), y: Math.round(box.height * 0.55) };
}
