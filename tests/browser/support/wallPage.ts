/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';

/** Errors the page threw or logged, collected so a test can say "none". */
export interface OpenedWall {
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

/**
 * Opens the wall at `url` in a fresh context with the given viewport and waits until it shows
 * live data: the geography is drawn and the headline "events today" holds a number.
 */
export async function openWall(browser: Browser, url: string, viewport = { width: 1920, height: 1080 }): Promise<OpenedWall> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  await page.goto(url);
  await waitForLiveCounters(page);
  return { page, errors, close: () => context.close() };
}

/** Resolves once "events today" shows a number above zero. */
export async function waitForLiveCounters(page: Page, timeout = 60_000): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const v = document.querySelector('[data-test="kpi-today"] [data-value]')?.getAttribute('data-value') ?? '';
      const n = Number(v.replace(/,/g, ''));
      return Number.isFinite(n) && n > 0 ? n : false;
    },
    undefined,
    { timeout },
  );
  return (await handle.jsonValue()) as number;
}

/** Waits for the map's pending transitions and for the rolling digits to settle before a screenshot. */
export async function settle(page: Page, ms = 1500): Promise<void> {
  await page.waitForTimeout(ms);
}

/**
 * The boxes of the map's stacked layers (outline, heat map, dots), one string each. They must be
 * one box: each layer fits the map to its own size, so a layer sized apart draws beside the others.
 */
export async function mapLayerBoxes(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-test="map-layer"]')].map((el) => {
      const r = el.getBoundingClientRect();
      return [r.left, r.top, r.width, r.height].map(Math.round).join(',');
    }),
  );
}
