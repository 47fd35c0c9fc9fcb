import type { ScreenCounters } from './regionCounters';

/**
 * Rates a command centre is ranked on, with fixed denominators: 应结案数 (cases due to be closed)
 * is every case not rejected. null when there is nothing to divide by.
 */
export function dueCount(c: ScreenCounters): number {
  return c.total - c.rejected;
}

/** 结案率 = 结案数 / 应结案数, 0–1. */
export function closureRate(c: ScreenCounters): number | null {
  const due = dueCount(c);
  return due > 0 ? c.closed / due : null;
}

/** 按期结案率 = 按期结案数 / 应结案数, 0–1. */
export function onTimeRate(c: ScreenCounters): number | null {
  const due = dueCount(c);
  return due > 0 ? c.closedOnTime / due : null;
}

/** Mean time from report to closure over closed cases, hours. */
export function meanHandlingHours(c: ScreenCounters): number | null {
  return c.closed > 0 ? c.handlingMsSum / c.closed / 3600_000 : null;
}
