import type { RegionCounters } from './regionCounters';

/**
 * Rates a command centre is ranked on, with fixed denominators: 应结案数 (cases due to be closed)
 * is every case not rejected. null when there is nothing to divide by.
 */
export function dueCount(c: RegionCounters): number {
  return c.total - c.rejected;
}

/** 结案率 = 结案数 / 应结案数, 0–1. */
export function closureRate(c: RegionCounters): number | null {
  const due = dueCount(c);
  return due > 0 ? c.closed / due : null;
}

/** 按期结案率 = 按期结案数 / 应结案数, 0–1. */
export function onTimeRate(c: RegionCounters): number | null {
  const due = dueCount(c);
  return due > 0 ? c.closedOnTime / due : null;
}

/** Mean time from report to closure over closed cases, hours. */
export function meanHandlingHours(c: RegionCounters): number | null {
  return c.closed > 0 ? c.handlingMsSum / c.closed / 3600_000 : null;
}
