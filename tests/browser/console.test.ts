/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiPath } from '../../shared/protocol/socketProtocol';
import { demoGrids, type DemoGrid } from '../support/demoPoints';
import { REPO_ROOT, startServerProcess, type ServerProcess } from '../support/serverProcess';
import { launchChromium } from './support/chromium';
import { seedHistory } from './support/seedHistory';
import { openWall } from './support/wallPage';

/**
 * The duty officers' console in a real browser against the real server (log-in enforced, no
 * simulator, so every change on screen is the test's own). Screenshots go to .tmp/screenshots;
 * CONSOLE_SCREENSHOTS=docs/screenshots refreshes the committed one.
 */
const SHOTS = join(REPO_ROOT, process.env.CONSOLE_SCREENSHOTS ?? '.tmp/screenshots');
/** How long a live change may take to show under load (expect.poll's own default is 1 s). */
const POLL = { timeout: 15_000 };
/** The browser's own log line for the expected 401 of "who am I?" before signing in. */
const EXPECTED_401 = /status of 401/;

let server: ServerProcess;
let browser: Browser;
let grids: DemoGrid[];
let reported = 0;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([startServerProcess({ env: { SIMULATOR: 'off', TICK_MS: '250' } }), launchChromium()]);
  grids = demoGrids();
  const officer = await server.login('officer');
  // A past, so the wall has counters and the console looks as it does in service.
  await seedHistory(
    server.url,
    {
      ingest: { 'content-type': 'application/json', authorization: `Bearer ${server.creds.ingestToken}` },
      officer: { 'content-type': 'application/json', authorization: `Bearer ${officer}` },
    },
    120,
    11,
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** Reports an event as an integrating system (the demo ingest token) and returns its id. */
async function report(over: Record<string, unknown> = {}, grid: DemoGrid = grids[(reported * 37) % grids.length]): Promise<string> {
  reported++;
  const res = await fetch(`${server.url}${ApiPath.events}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.creds.ingestToken}` },
    body: JSON.stringify({
      clientId: `desk-${reported}-${Date.now()}`,
      category: 'safety_hazard',
      severity: 'critical',
      source: 'hotline',
      location: { lon: grid.lon, lat: grid.lat },
      description: '燃气管道泄漏，居民闻到异味',
      reporter: { name: '张建国', phone: '13812345678' },
      ...over,
    }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { event: { id: string } }).event.id;
}

interface Desk {
  page: Page;
  context: BrowserContext;
  errors: string[];
  close(): Promise<void>;
}

/** A fresh browser profile signed in through the log-in page, on `path` (default the console). */
async function signIn(role: 'officer' | 'admin' | 'leader', opts: { path?: string; viewport?: { width: number; height: number }; before?: (page: Page) => Promise<void> } = {}): Promise<Desk> {
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1920, height: 1080 }, deviceScaleFactor: 1, locale: 'zh-CN' });
  const page = await context.newPage();
  // The test machine may be busy (other suites, few cores): waits are generous, not the cause of a failure.
  page.setDefaultTimeout(45_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !EXPECTED_401.test(m.text())) errors.push(`console.error: ${m.text()}`);
  });
  await opts.before?.(page);
  await page.goto(`${server.url}${opts.path ?? '/console'}`);
  await page.waitForURL(/\/login\?/);
  await page.fill('[data-test="login-username"]', server.creds[role].username);
  await page.fill('[data-test="login-password"]', server.creds[role].password);
  await page.click('[data-test="login-submit"]');
  return { page, context, errors, close: () => context.close() };
}

async function openConsole(role: 'officer' | 'admin' = 'officer', opts: Parameters<typeof signIn>[1] = {}): Promise<Desk> {
  const desk = await signIn(role, opts);
  await desk.page.locator('[data-test="console"]').waitFor();
  await desk.page.locator('[data-test="connection"].ok').waitFor({ timeout: 15_000 });
  return desk;
}

/** The row of the alert a critical event raised (an event in a dedicated grid raises a second one). */
const rowOf = (page: Page, eventId: string) => page.locator(`[data-test="alert-row"][data-alert-id="critical_event:${eventId}"]`);

/** Opens a move's form on the row, fills it and confirms. */
async function move(row: Locator, action: string, fill: { unit?: string; note?: string } = {}): Promise<void> {
  await row.locator(`[data-test="act-${action}"]`).click();
  const form = row.locator(`[data-test="action-form"][data-action="${action}"]`);
  if (fill.unit) await form.locator('[data-test="unit-input"]').fill(fill.unit);
  if (fill.note) await form.locator('[data-test="note-input"]').fill(fill.note);
  await form.locator('[data-test="confirm-action"]').click();
}

/** The wall's "open" headline once it has stopped changing (its digits roll at most every 2 s). */
async function settledOpen(wall: Page): Promise<number> {
  const read = async () => Number((await wall.getAttribute('[data-test="kpi-open"] [data-value]', 'data-value'))?.replace(/,/g, ''));
  let last = await read();
  for (;;) {
    await wall.waitForTimeout(2500);
    const now = await read();
    if (now === last) return now;
    last = now;
  }
}

describe('the duty console', () => {
  it('shows the log-in error for a wrong password, then opens the console with the right one', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/console`);
      await page.waitForURL(/\/login\?next=(%2F|\/)console/);
      await page.fill('[data-test="login-username"]', server.creds.officer.username);
      await page.fill('[data-test="login-password"]', 'not-the-password');
      await page.click('[data-test="login-submit"]');
      await expect.poll(() => page.locator('[data-test="login-error"]').innerText(), POLL).toBe('用户名或密码错误');
      expect(page.url()).toContain('/login');
      // The password field is emptied for the next try; the username stays.
      expect(await page.inputValue('[data-test="login-password"]')).toBe('');
      await page.fill('[data-test="login-password"]', server.creds.officer.password);
      await page.click('[data-test="login-submit"]');
      await page.waitForURL(/\/console$/);
      await expect.poll(() => page.locator('[data-test="user-name"]').innerText(), POLL).toBe('演示值班员');
    } finally {
      await context.close();
    }
  });

  it('tells a leader plainly that the console is not theirs (403), with a way to the tablet', async () => {
    const desk = await signIn('leader');
    try {
      const forbidden = desk.page.locator('[data-test="forbidden"]');
      await forbidden.waitFor();
      expect(await forbidden.innerText()).toContain('无权使用值班工作台');
      expect(await forbidden.locator('a[href="/tablet"]').count()).toBe(1);
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  });

  it('an officer acknowledges an alert and closes it along the loop; the wall\u2019s open counter goes down', async () => {
    const desk = await openConsole();
    const wall = await openWall(browser, `${server.url}/?screen=${server.creds.wallToken}`);
    try {
      const { page } = desk;
      const rings = async () => Number(await page.getAttribute('[data-test="sound"]', 'data-rings'));
      const rung = await rings();
      const id = await report({ description: '幸福小区3号楼燃气泄漏<img src=x onerror="window.__xss=1">' });
      const row = rowOf(page, id);
      await row.waitFor({ timeout: 10_000 });
      expect(await row.getAttribute('data-state')).toBe('new');
      // The title quotes the report as text, never as markup.
      expect(await row.locator('[data-test="alert-title"]').innerText()).toContain('<img src=x');
      expect(await page.locator('[data-test="queue"] img').count()).toBe(0);
      expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
      // A new critical alert rings (Web Audio, counted on the sound button).
      await expect.poll(rings, POLL).toBe(rung + 1);
      // The countdown ticks from the 2-hour limit of a critical case, labelled "正常".
      const sla = row.locator('[data-test="sla"]');
      expect(await sla.getAttribute('data-light')).toBe('green');
      expect(await sla.innerText()).toMatch(/正常\s*剩余 (2:00:00|1:5\d:\d\d)/);
      const left = Number(await sla.getAttribute('data-remaining'));
      await expect.poll(async () => Number(await sla.getAttribute('data-remaining')), POLL).toBeLessThan(left);

      await row.locator('[data-test="act-acknowledge"]').click();
      await expect.poll(() => row.getAttribute('data-state'), POLL).toBe('acknowledged');
      await expect.poll(() => row.getAttribute('data-event-status'), POLL).toBe('accepted');
      expect(await row.locator('[data-test="ack-by"]').innerText()).toContain('演示值班员');

      // The drawer: reporter details for the officer, and the history as it grows.
      await row.locator('[data-test="alert-title"]').click();
      const drawer = page.locator('[data-test="drawer"]');
      await drawer.waitFor();
      await expect.poll(() => drawer.locator('[data-test="reporter-name"]').innerText(), POLL).toBe('张建国');
      expect(await drawer.locator('[data-test="reporter-phone"]').innerText()).toBe('13812345678');

      const openBefore = await settledOpen(wall.page);
      await move(row, 'dispatch', { unit: '应急管理办', note: '请燃气公司同步到场' });
      await expect.poll(() => row.getAttribute('data-event-status'), POLL).toBe('dispatched');
      await move(row, 'start');
      await expect.poll(() => row.getAttribute('data-event-status'), POLL).toBe('handling');
      await move(row, 'resolve', { note: '已关阀并更换管段' });
      await expect.poll(() => row.getAttribute('data-event-status'), POLL).toBe('resolved');
      // Only what the status allows is offered: from "resolved", verify-and-close or rework.
      expect(await row.locator('[data-test="actions"] button').allInnerTexts()).toEqual(['核查办结', '返工', '补充说明']);
      await move(row, 'close', { note: '现场核查无异味，办结' });

      // Handled: it leaves the queue; the drawer keeps the closed event and its whole history.
      await expect.poll(() => rowOf(page, id).count(), POLL).toBe(0);
      await expect.poll(() => drawer.locator('[data-test="drawer-status"]').innerText(), POLL).toBe('已办结');
      await expect
        .poll(() => drawer.locator('[data-test="history-item"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action'))))
        .toEqual(['close', 'resolve', 'start', 'dispatch', 'accept', 'report']);
      const history = await drawer.locator('[data-test="history"]').innerText();
      expect(history).toContain('演示值班员');
      expect(history).toContain('现场核查无异味，办结');
      expect(history).toContain('应急管理办');

      await expect.poll(() => settledOpen(wall.page), { timeout: 20_000 }).toBe(openBefore - 1);
      expect(desk.errors).toEqual([]);
      expect(wall.errors).toEqual([]);
    } finally {
      await wall.close();
      await desk.close();
    }
  });

  it('two officers see each other\u2019s actions live; acting on what someone just changed says who did it', async () => {
    // The second officer's live feed can be held back, so that they act on what they saw.
    let held = false;
    let wsSeen = false;
    const hold = async (page: Page) => {
      await page.routeWebSocket(/\/socket\.io\//, (ws) => {
        const upstream = ws.connectToServer();
        upstream.onMessage((m) => {
          wsSeen = true;
          if (held && typeof m === 'string' && /^42\["(alert|focus:delta)"/.test(m)) return;
          ws.send(m);
        });
      });
    };
    const a = await openConsole('officer');
    const b = await openConsole('admin', { before: hold });
    try {
      const id = await report({ category: 'public_order', description: '广场有人持械争吵' });
      const rowA = rowOf(a.page, id);
      const rowB = rowOf(b.page, id);
      await Promise.all([rowA.waitFor({ timeout: 10_000 }), rowB.waitFor({ timeout: 10_000 })]);

      // A acknowledges: B sees it at once, and by whom.
      await rowA.locator('[data-test="act-acknowledge"]').click();
      await expect.poll(() => rowB.getAttribute('data-state'), POLL).toBe('acknowledged');
      await expect.poll(() => rowB.getAttribute('data-event-status'), POLL).toBe('accepted');
      expect(await rowB.locator('[data-test="ack-by"]').innerText()).toContain('演示值班员');

      // B's feed is held; A dispatches; B, still seeing "accepted", dispatches too.
      expect(wsSeen).toBe(true);
      held = true;
      await move(rowA, 'dispatch', { unit: '派出所' });
      await expect.poll(() => rowA.getAttribute('data-event-status'), POLL).toBe('dispatched');
      expect(await rowB.getAttribute('data-event-status')).toBe('accepted');
      await move(rowB, 'dispatch', { unit: '综治中心' });
      const conflict = rowB.locator('[data-test="conflict"]');
      await conflict.waitFor();
      const text = await conflict.innerText();
      expect(text).toContain('已被他人处理');
      expect(text).toContain('演示值班员');
      expect(text).toContain('「派遣」');
      expect(text).toContain('您看到的是「已受理」');
      // Not overwritten: the unit is A's, and B's row now shows the event as it is.
      await expect.poll(() => rowB.getAttribute('data-event-status'), POLL).toBe('dispatched');
      const event = (await (await server.fetch(`${ApiPath.events}/${id}`)).json()) as { event: { unit: string }; history: { action: string }[] };
      expect(event.event.unit).toBe('派出所');
      expect(event.history.filter((h) => h.action === 'dispatch')).toHaveLength(1);
      expect(a.errors).toEqual([]);
      expect(b.errors.filter((e) => !/409/.test(e))).toEqual([]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('sends the officer back to the log-in page, saying why, when the session has ended', async () => {
    const desk = await openConsole();
    try {
      const { page, context } = desk;
      const id = await report({ description: '电梯困人' });
      const row = rowOf(page, id);
      await row.waitFor({ timeout: 10_000 });
      // The session is gone (expired, or signed out elsewhere): the next call answers 401.
      await context.clearCookies();
      await row.locator('[data-test="act-acknowledge"]').click();
      await page.waitForURL(/\/login\?.*expired=1/);
      expect(await page.locator('[data-test="login-expired"]').innerText()).toBe('登录已过期，请重新登录');
      // Signing in again returns to the console, where the alert still waits.
      await page.fill('[data-test="login-username"]', server.creds.officer.username);
      await page.fill('[data-test="login-password"]', server.creds.officer.password);
      await page.click('[data-test="login-submit"]');
      await page.waitForURL(/\/console$/);
      await rowOf(page, id).waitFor();
      expect(await rowOf(page, id).getAttribute('data-state')).toBe('new');
      expect(desk.errors.filter((e) => !/401/.test(e))).toEqual([]);
    } finally {
      await desk.close();
    }
  });

  it('filters the queue by street, community, urgency and category', async () => {
    const grid = grids.find((g) => g.streetId !== grids[0].streetId)!;
    const otherStreet = grids[0].streetId;
    const desk = await openConsole();
    try {
      const { page } = desk;
      const id = await report({ category: 'sanitation', severity: 'critical', description: '垃圾站起火冒烟' }, grid);
      const row = rowOf(page, id);
      await row.waitFor({ timeout: 10_000 });
      await page.selectOption('[data-test="filter-street"]', otherStreet);
      await expect.poll(() => row.count(), POLL).toBe(0);
      await page.selectOption('[data-test="filter-street"]', grid.streetId);
      await expect.poll(() => row.count(), POLL).toBe(1);
      await page.selectOption('[data-test="filter-community"]', grid.communityId);
      await expect.poll(() => row.count(), POLL).toBe(1);
      await page.click('[data-test="filter-severity-urgent"]');
      await expect.poll(() => row.count(), POLL).toBe(0);
      await page.click('[data-test="filter-severity-critical"]');
      await expect.poll(() => row.count(), POLL).toBe(1);
      await page.selectOption('[data-test="filter-category"]', 'dispute');
      await expect.poll(() => row.count(), POLL).toBe(0);
      await page.selectOption('[data-test="filter-category"]', 'sanitation');
      await expect.poll(() => row.count(), POLL).toBe(1);
      await page.click('[data-test="filter-clear"]');
      expect(await page.inputValue('[data-test="filter-street"]')).toBe('');
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  });

  it('regression: a critical alert raised after the console read its queue but before its live link subscribed still reaches the queue', async () => {
    // The link subscribes once the geography is in: holding it back opens, every time, the window
    // between the queue's REST read and the subscription (in a full run it opened by chance).
    let releaseGeography!: () => void;
    const geography = new Promise<void>((r) => (releaseGeography = r));
    let queueRead!: Promise<unknown>;
    const hold = async (page: Page) => {
      await page.route(`**${ApiPath.geography}*`, async (route) => {
        await geography;
        await route.continue();
      });
      queueRead = page.waitForResponse((r) => r.url().includes(`${ApiPath.alerts}?`) && r.ok());
    };
    const desk = await openConsole('officer', { before: hold });
    try {
      await queueRead;
      // Raised now: not in the queue as read, and sent on its own only to links already subscribed.
      const id = await report({ description: '配电室冒烟' });
      releaseGeography();
      await rowOf(desk.page, id).waitFor({ timeout: 10_000 });
      expect(await rowOf(desk.page, id).getAttribute('data-state')).toBe('new');
      expect(desk.errors).toEqual([]);
    } finally {
      releaseGeography();
      await desk.close();
    }
  });

  it('mutes the sound, and remembers it after a reload', async () => {
    const desk = await openConsole();
    try {
      const { page } = desk;
      const sound = page.locator('[data-test="sound"]');
      await sound.click();
      expect(await sound.getAttribute('data-muted')).toBe('true');
      const id = await report({ description: '变电箱冒烟' });
      await rowOf(page, id).waitFor({ timeout: 10_000 });
      await page.waitForTimeout(500);
      expect(await sound.getAttribute('data-rings')).toBe('0');
      await page.reload();
      await page.locator('[data-test="console"]').waitFor();
      expect(await page.getAttribute('[data-test="sound"]', 'data-muted')).toBe('true');
      await page.click('[data-test="sound"]');
      expect(await page.getAttribute('[data-test="sound"]', 'data-muted')).toBe('false');
    } finally {
      await desk.close();
    }
  });

  it.each([
    { width: 1920, height: 1080, file: 'console-1920x1080.png' },
    { width: 1366, height: 768, file: 'console-1366x768.png' },
  ])('fits $width×$height with the drawer open, every label in English when switched ($file)', async ({ width, height, file }) => {
    // A varied queue: fresh, half-way, late (yellow) and overdue cases; some already acknowledged.
    const minutesAgo = [3, 12, 26, 47, 88, 95, 110, 135];
    const kinds = ['safety_hazard', 'public_order', 'psych_crisis', 'special_care', 'dispute', 'facility_damage', 'sanitation', 'livelihood'];
    const texts = ['小区地下车库积水漫过配电间', '夜市摊位两伙人发生斗殴', '独居青年在楼顶徘徊情绪异常', '失能老人家中无人照看', '邻里因装修噪音激烈争吵', '人行天桥护栏松动', '垃圾中转站异味严重', '停水超过12小时居民反映强烈'];
    const ids: string[] = [];
    for (const [i, m] of minutesAgo.entries())
      ids.push(await report({ category: kinds[i], description: texts[i], reportedAt: new Date(Date.now() - m * 60_000).toISOString(), reporter: { name: ['王秀英', '李强', '赵敏', '刘芳'][i % 4], phone: `1390477${String(1000 + i * 137).slice(0, 4)}` } }));
    const officer = await server.login('officer');
    const act = (path: string, body: object) =>
      fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` }, body: JSON.stringify(body) });
    for (const id of ids.slice(3, 6)) {
      await act(`${ApiPath.alerts}/${encodeURIComponent(`critical_event:${id}`)}/actions`, { action: 'acknowledge' });
      await act(`${ApiPath.events}/${id}/transitions`, { action: 'accept' });
    }
    await act(`${ApiPath.events}/${ids[4]}/transitions`, { action: 'dispatch', unit: '社区服务站', note: '联系网格员上门' });

    const desk = await openConsole('officer', { viewport: { width, height } });
    try {
      const { page } = desk;
      await expect.poll(() => page.locator('[data-test="alert-row"]').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(ids.length);
      await rowOf(page, ids[4]).locator('[data-test="alert-title"]').click();
      await page.locator('[data-test="history-item"]').first().waitFor();
      const fit = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, sh: document.documentElement.scrollHeight, iw: innerWidth, ih: innerHeight }));
      expect(fit.sw).toBeLessThanOrEqual(fit.iw);
      expect(fit.sh).toBeLessThanOrEqual(fit.ih);
      // Every row's action buttons lie inside the queue (nothing cut off at the narrower width).
      const queue = (await page.locator('[data-test="queue"]').boundingBox())!;
      for (const b of await page.locator('[data-test="queue"] [data-test="actions"] button').all()) {
        const r = await b.boundingBox();
        if (r) expect(r.x + r.width).toBeLessThanOrEqual(queue.x + queue.width + 1);
      }
      // The labelled lights: overdue and warning cases are there, each light with its word.
      await expect.poll(() => page.locator('[data-test="sla"][data-light="red"]').count(), POLL).toBeGreaterThan(0);
      expect(await page.locator('[data-test="sla"][data-light="yellow"]').count()).toBeGreaterThan(0);
      await page.locator('[data-test="queue"]').evaluate((el) => el.scrollTo(0, 0));
      await page.waitForTimeout(600);
      await page.screenshot({ path: join(SHOTS, file), animations: 'disabled' });

      await page.click('[data-test="lang"]');
      await expect.poll(() => page.locator('[data-test="console-title"]').innerText(), POLL).toBe('Duty console');
      const text = await page.locator('[data-test="console"]').innerText();
      expect(text).toContain('New alerts');
      expect(text).toContain('Event details');
      // Place names, residents' words, units and people's names stay Chinese; no UI label does.
      for (const label of ['值班工作台', '新告警', '已确认', '超时未办', '紧急程度', '事件类别', '提示音', '退出登录', '时限灯', '事件详情', '处置记录', '剩余', '确认并受理', '派遣', '详情', '上报人']) expect(text).not.toContain(label);
      await page.screenshot({ path: join(SHOTS, file.replace('.png', '-en.png')), animations: 'disabled' });
      await page.click('[data-test="lang"]');
      expect(desk.errors).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});
