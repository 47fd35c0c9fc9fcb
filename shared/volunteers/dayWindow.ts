/** Days in the trend series the counters keep (today and the six before it). */
export const WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;

/**
 * Index in a WINDOW_DAYS series (oldest first, the last is today) of the local day holding
 * `atMs`, or -1 when that day is older than the window (or, never expected, after today).
 * `todayStartMs` is the local midnight that starts today.
 */
export function dayIndex(atMs: number, todayStartMs: number): number {
  if (atMs >= todayStartMs + DAY_MS) return -1;
  const daysAgo = atMs >= todayStartMs ? 0 : Math.ceil((todayStartMs - atMs) / DAY_MS);
  const i = WINDOW_DAYS - 1 - daysAgo;
  return i >= 0 ? i : -1;
}

/** A series moved on by `days` days: the oldest drop out, today and the days between start at 0. */
export function shiftSeries(series: number[], days: number): void {
  const n = Math.min(days, series.length);
  series.splice(0, n);
  for (let i = 0; i < n; i++) series.push(0);
}

export function zeroSeries(): number[] {
  return new Array<number>(WINDOW_DAYS).fill(0);
}
