/// <reference lib="dom" />
/**
 * npm run soak -- [--minutes 60] [--warmup 10] [--rate 600] [--tour 20] [--threshold 0.10]
 *                 [--update-bench 40] [--live-bench 30] [--trace-out file] [--heap-snapshots dir]
 *                 [--no-build]
 *                 [--url http://host:port --screen token]
 *
 * Keeps the wall open in headless Debian Chromium against a real server with an accelerated
 * simulator, in kiosk mode with a fast auto-tour (so every street's map is drawn again and again),
 * and every minute forces a garbage collection and samples the JS heap (CDP Performance.getMetrics
 * JSHeapUsedSize after HeapProfiler.collectGarbage), the DOM node count, event listeners and
 * canvases. Prints a table; exits 1 when the heap at the end has grown more than --threshold over
 * its level at the end of warm-up (DESIGN.md: ≤ 10 % after a one-hour accelerated soak).
 *
 * --heap-snapshots dir: also writes a heap snapshot (after the GC) at the end of warm-up and at the
 * end, to compare in Chrome DevTools' Memory panel (Comparison view) when the heap creeps.
 *
 * --update-bench N (optionally alone, with --minutes 0): times N focused-view updates from a
 * Chrome trace — main-thread busy time between marks the page sets itself (client/bench).
 *
 * --live-bench S: what the wall costs the machine as it runs live (district, kiosk, no tour, the
 * simulator at --rate): main-thread and raster time per second over S seconds of a trace, and how
 * many new reports were pulsing on the map meanwhile.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../tests/browser/support/chromium';
import { demoAuth } from '../tests/browser/support/demoAuth';
import { seedHistory } from '../tests/browser/support/seedHistory';
import { openWall } from '../tests/browser/support/wallPage';
import { REPO_ROOT, startServerProcess, type ServerProcess } from '../tests/support/serverProcess';

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '60' },
    warmup: { type: 'string' },
    rate: { type: 'string', default: '600' },
    tour: { type: 'string', default: '20' },
    threshold: { type: 'string', default: '0.10' },
    'update-bench': { type: 'string', default: '0' },
    'live-bench': { type: 'string', default: '0' },
    /** Write each bench trace here (<file>-<view>.json), to open in Chrome DevTools' Performance panel. */
    'trace-out': { type: 'string' },
    'heap-snapshots': { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    url: { type: 'string' },
    /** With --url: the wall screen's token (the server's wall screen link). */
    screen: { type: 'string' },
  },
});

const minutes = Number(args.minutes);
const warmupMin = args.warmup !== undefined ? Number(args.warmup) : Math.min(10, Math.max(1, Math.round(minutes / 6)));
const threshold = Number(args.threshold);
const benchUpdates = Number(args['update-bench']);
const liveSeconds = Number(args['live-bench']);
const MB = 1024 * 1024;
/** `&screen=<token>` when the server wants the wall signed in (its demo wall screen, or --screen). */
let screenQuery = '';

interface Sample {
  minute: number;
  heapMB: number;
  nodes: number;
  listeners: number;
  canvases: number;
  feedRows: number;
  focus: string;
}

async function main(): Promise<number> {
  if (!args['no-build'] && !args.url) {
    console.log('building the client (vite build) …');
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  let server: ServerProcess | null = null;
  let url = args.url ?? '';
  if (!url) {
    server = await startServerProcess({ env: { SIMULATOR: 'on', SIMULATOR_RATE: args.rate!, TICK_MS: '250' } });
    url = server.url;
    console.log(`server ${url} (simulator ${args.rate}/min at peak, tick 250 ms); seeding 40 h of history …`);
    const auth = await demoAuth(url, server.dataDir);
    await seedHistory(url, auth);
    // The wall signs in with the demo wall screen's link.
    if (auth.wallToken) screenQuery = `&screen=${encodeURIComponent(auth.wallToken)}`;
  } else if (args.screen) {
    screenQuery = `&screen=${encodeURIComponent(args.screen)}`;
  }
  const browser = await launchChromium();
  let code = 0;
  try {
    if (minutes > 0) code = await soak(browser, url);
    if (benchUpdates > 0) await updateBench(browser, url, benchUpdates);
    if (liveSeconds > 0) await liveBench(browser, url, liveSeconds);
  } finally {
    await browser.close();
    await server?.dispose();
  }
  return code;
}

async function soak(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.text().startsWith('[watchdog]')) problems.push(`${m.type()}: ${m.text()}`);
  });
  await page.goto(`${url}/?kiosk=1&tour=${args.tour}${screenQuery}`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  console.log(`wall open at 1920×1080, kiosk, tour every ${args.tour} s; ${minutes} min, warm-up ${warmupMin} min, threshold +${(threshold * 100).toFixed(0)} %\n`);
  console.log('minute | heap after GC (MB) | DOM nodes | listeners | canvases | feed rows | focus');
  console.log('-----: | -----------------: | --------: | --------: | -------: | --------: | :----');
  const samples: Sample[] = [];
  const started = Date.now();
  for (let m = 0; m <= minutes; m++) {
    const due = started + m * 60_000;
    if (Date.now() < due) await page.waitForTimeout(due - Date.now());
    const s = await sample(page, cdp, m);
    samples.push(s);
    if (args['heap-snapshots'] && (m === warmupMin || m === minutes)) await heapSnapshot(cdp, join(args['heap-snapshots'], `wall-${m}min.heapsnapshot`));
    console.log(`${String(m).padStart(6)} | ${s.heapMB.toFixed(2).padStart(18)} | ${String(s.nodes).padStart(9)} | ${String(s.listeners).padStart(9)} | ${String(s.canvases).padStart(8)} | ${String(s.feedRows).padStart(9)} | ${s.focus}`);
  }
  await context.close();

  const at = (minute: number) => samples.filter((s) => s.minute >= minute - 1 && s.minute <= minute + 1).map((s) => s.heapMB);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const base = median(at(warmupMin));
  const end = median(samples.slice(-3).map((s) => s.heapMB));
  const growth = end / base - 1;
  const nodes = samples.filter((s) => s.minute >= warmupMin).map((s) => s.nodes);
  console.log(`\nheap after warm-up (median of minutes ${warmupMin - 1}–${warmupMin + 1}): ${base.toFixed(2)} MB; at the end (median of the last 3): ${end.toFixed(2)} MB; growth ${(growth * 100).toFixed(1)} %`);
  console.log(`DOM nodes after warm-up: ${Math.min(...nodes)}–${Math.max(...nodes)}; max heap ${Math.max(...samples.map((s) => s.heapMB)).toFixed(2)} MB`);
  if (problems.length) console.log(`page problems (${problems.length}):\n  ${problems.slice(0, 20).join('\n  ')}`);
  if (growth > threshold) {
    console.log(`FAIL: heap grew ${(growth * 100).toFixed(1)} % > ${(threshold * 100).toFixed(0)} %`);
    return 1;
  }
  console.log(`OK: heap growth ${(growth * 100).toFixed(1)} % ≤ ${(threshold * 100).toFixed(0)} %`);
  return 0;
}

/** Writes a V8 heap snapshot of the page (streamed in chunks over CDP). */
async function heapSnapshot(cdp: CDPSession, file: string): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  writeFileSync(file, chunks.join(''));
}

async function sample(page: Page, cdp: CDPSession, minute: number): Promise<Sample> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const metric = (name: string) => metrics.find((x) => x.name === name)?.value ?? NaN;
  const dom = await page.evaluate(() => ({
    canvases: document.querySelectorAll('canvas').length,
    feedRows: document.querySelectorAll('[data-test="feed-row"]').length,
    focus: document.querySelector('[data-test="map"]')?.getAttribute('data-focus') ?? '',
  }));
  return { minute, heapMB: metric('JSHeapUsedSize') / MB, nodes: metric('Nodes'), listeners: metric('JSEventListeners'), ...dom };
}

/** What client/bench/wallBench.ts puts on a `?bench=1` page. */
type BenchWindow = Window & {
  __wallBench?: { start(updates: number, gapMs?: number): void; run: { done: boolean; error: string | null } | null };
};

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the slice, µs: unlike `dur`, not stretched when other processes hold the cores. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: unknown };
}

/** Times N focused-view updates from a trace: main-thread busy (and raster) between the page's marks. */
async function updateBench(browser: Browser, url: string, n: number): Promise<void> {
  for (const view of [
    { key: 'district', label: 'district (12 streets)', query: '' },
    { key: 'community', label: 'community 新园社区 (15 grids)', query: '&focus=150602012004' },
  ]) {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(`${url}/?bench=1${view.query}${screenQuery}`);
    await page.waitForFunction(() => !!(window as BenchWindow).__wallBench && !!document.querySelector('[data-test="kpi-today"] [data-value]'));
    await page.waitForTimeout(3000);
    const trace = await startTrace(page);
    // Started from the page's own timer, so the work is the page's, not Runtime.evaluate's.
    await page.evaluate((count) => (window as BenchWindow).__wallBench!.start(count), n);
    await page.waitForFunction(() => (window as BenchWindow).__wallBench?.run?.done === true, undefined, { timeout: n * 5000 + 30_000 });
    const err = await page.evaluate(() => (window as BenchWindow).__wallBench?.run?.error ?? null);
    const events = await trace.stop();
    await context.close();
    if (err) throw new Error(`bench: ${err}`);
    if (args['trace-out']) writeFileSync(`${args['trace-out']}-${view.key}.json`, JSON.stringify({ traceEvents: events }));
    report(view.label, events, n);
  }
}

function report(label: string, events: TraceEvent[], n: number): void {
  const { tasks, raster } = rendererSlices(events);
  const mark = (name: string) => events.find((e) => e.name === name && e.cat.includes('blink.user_timing'))?.ts;
  const toFirstPaint: number[] = [];
  const toFirstPaintCpu: number[] = [];
  const withTransitions: number[] = [];
  const rasterMs: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = mark(`wall-update:${i}:start`);
    const painted = mark(`wall-update:${i}:painted`);
    const end = mark(`wall-update:${i}:end`);
    if (start === undefined || painted === undefined || end === undefined) continue;
    toFirstPaint.push(busy(tasks, start, painted));
    toFirstPaintCpu.push(cpu(tasks, start, painted));
    withTransitions.push(busy(tasks, start, end));
    rasterMs.push(busy(raster, start, end));
  }
  console.log(`\nfocused-view update, ${label}: ${toFirstPaint.length} updates (every region recoloured, all panels)`);
  console.log(`  main thread, mark → 2nd frame:          ${f(toFirstPaint)}`);
  console.log(`  … its CPU time (thread time):           ${f(toFirstPaintCpu)}`);
  console.log(`  main thread, mark → next update (1.2 s):  ${f(withTransitions)}`);
  console.log(`  raster (tile workers), same window:      ${f(rasterMs)}`);
}

/** Traces the page (timeline, user timing, frames) until `stop()`, which returns the events. */
async function startTrace(page: Page): Promise<{ stop(): Promise<TraceEvent[]> }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', {
    // With --trace-out, JS samples too (DevTools' flame chart of each update); they cost time, so not otherwise.
    categories:
      'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,toplevel,cc,disabled-by-default-devtools.timeline.frame' +
      (args['trace-out'] ? ',disabled-by-default-v8.cpu_profiler' : ''),
    transferMode: 'ReportEvents',
  });
  return {
    async stop() {
      await cdp.send('Tracing.end');
      await complete;
      return events;
    },
  };
}

/** The renderer main thread's top-level tasks, and the raster work of the same renderer. */
function rendererSlices(events: TraceEvent[]): { tasks: TraceEvent[]; raster: TraceEvent[] } {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('no renderer main thread in the trace');
  return {
    tasks: events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === main.pid && e.tid === main.tid && e.dur !== undefined),
    raster: events.filter((e) => e.ph === 'X' && e.pid === main.pid && (e.name === 'RasterTask' || e.name === 'ImageDecodeTask') && e.dur !== undefined),
  };
}

/** Wall-clock ms the slices cover between two trace times (µs), each clipped to the window. */
function busy(list: TraceEvent[], from: number, to: number): number {
  return list.reduce((ms, e) => ms + Math.max(0, Math.min(e.ts + e.dur!, to) - Math.max(e.ts, from)), 0) / 1000;
}

/**
 * CPU time of the same slices (each clipped slice counted pro rata): what the work costs the core
 * it ran on, whatever else the machine was doing meanwhile.
 */
function cpu(list: TraceEvent[], from: number, to: number): number {
  return (
    list.reduce((ms, e) => {
      const inside = Math.max(0, Math.min(e.ts + e.dur!, to) - Math.max(e.ts, from));
      return ms + (e.dur! > 0 ? (inside / e.dur!) * (e.tdur ?? e.dur!) : 0);
    }, 0) / 1000
  );
}

const quantile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const f = (xs: number[]) => `median ${quantile(xs, 0.5).toFixed(1)} ms, p90 ${quantile(xs, 0.9).toFixed(1)} ms`;

/** The wall live at the district for S seconds: main-thread and raster time per second, from a trace. */
async function liveBench(browser: Browser, url: string, seconds: number): Promise<void> {
  const wall = await openWall(browser, `${url}/?kiosk=1&tour=0${screenQuery}`);
  const { page } = wall;
  await page.waitForTimeout(10_000);
  const trace = await startTrace(page);
  const pulses: number[] = [];
  for (let s = 0; s < seconds; s += 5) {
    pulses.push(await page.locator('[data-test="map-pulse"]').count());
    await page.waitForTimeout(Math.min(5, seconds - s) * 1000);
  }
  const events = await trace.stop();
  await wall.close();
  if (args['trace-out']) writeFileSync(`${args['trace-out']}-live.json`, JSON.stringify({ traceEvents: events }));
  const { tasks, raster } = rendererSlices(events);
  const t0 = Math.min(...tasks.map((e) => e.ts));
  const perS = { main: [] as number[], cpu: [] as number[], raster: [] as number[] };
  for (let i = 0; i < seconds - 1; i++) {
    const from = t0 + i * 1e6;
    perS.main.push(busy(tasks, from, from + 1e6));
    perS.cpu.push(cpu(tasks, from, from + 1e6));
    perS.raster.push(busy(raster, from, from + 1e6));
  }
  console.log(`\nwall live at the district, simulator ${args.rate}/min at peak: ${perS.main.length} one-second windows`);
  console.log(`  main thread busy, per second:            ${f(perS.main)}`);
  console.log(`  … its CPU time:                          ${f(perS.cpu)}`);
  console.log(`  raster (tile workers), per second:       ${f(perS.raster)}`);
  console.log(`  new reports pulsing on the map (every 5 s): ${pulses.join(', ')}`);
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(2);
  },
);
