import type { Category, Source } from '../events/categories';
import type { EventStatus } from '../events/status';
import { isFinal } from '../events/status';

/** The indicator counters a screen shows for one region (any level). */
export interface RegionCounters {
  /** Events ever stored in the region. */
  total: number;
  /** Reported since local midnight. */
  today: number;
  /** Not yet closed or rejected. */
  open: number;
  /** Closed or rejected, ever. */
  closed: number;
  /** Closed or rejected since local midnight. */
  closedToday: number;
  /** Today's events by category and by source (the wall's mix panels). */
  todayByCategory: Partial<Record<Category, number>>;
  todayBySource: Partial<Record<Source, number>>;
}

/** What of an event the counters depend on. Times in epoch ms. */
export interface CountableEvent {
  category: Category;
  source: Source;
  status: EventStatus;
  reportedAtMs: number;
  closedAtMs: number | null;
}

export function emptyCounters(): RegionCounters {
  return { total: 0, today: 0, open: 0, closed: 0, closedToday: 0, todayByCategory: {}, todayBySource: {} };
}

function bump<K extends string>(m: Partial<Record<K, number>>, k: K, by: number): void {
  const v = (m[k] ?? 0) + by;
  if (v === 0) delete m[k];
  else m[k] = v;
}

/**
 * Adds (sign 1) or removes (sign -1) one event's contribution to a region's counters, in place.
 * `todayStartMs` is the local midnight that "today" counts from.
 */
export function addContribution(c: RegionCounters, e: CountableEvent, sign: 1 | -1, todayStartMs: number): void {
  c.total += sign;
  const isToday = e.reportedAtMs >= todayStartMs;
  if (isToday) {
    c.today += sign;
    bump(c.todayByCategory, e.category, sign);
    bump(c.todayBySource, e.source, sign);
  }
  if (isFinal(e.status)) {
    c.closed += sign;
    if (e.closedAtMs !== null && e.closedAtMs >= todayStartMs) c.closedToday += sign;
  } else {
    c.open += sign;
  }
}

/** Forgets everything counted "today": what a region's counters become at local midnight. */
export function rollOverDay(c: RegionCounters): void {
  c.today = 0;
  c.closedToday = 0;
  c.todayByCategory = {};
  c.todayBySource = {};
}

export function cloneCounters(c: RegionCounters): RegionCounters {
  return { ...c, todayByCategory: { ...c.todayByCategory }, todayBySource: { ...c.todayBySource } };
}
