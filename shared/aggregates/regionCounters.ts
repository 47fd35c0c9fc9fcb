import type { Category, Source } from '../events/categories';
import type { EventStatus } from '../events/status';

/**
 * The indicator counters a screen shows for one region (any level). Rates are derived from
 * them (indicators.ts), never stored, so they can always be recomputed exactly.
 */
export interface RegionCounters {
  /** Events ever stored in the region. */
  total: number;
  /** Reported since local midnight. */
  today: number;
  /** Not yet closed or rejected. */
  open: number;
  /** Open and past their deadline (a first-class indicator: 超时). */
  overdue: number;
  /** Closed (办结), ever. */
  closed: number;
  /** Rejected (不予受理): not expected to be closed, so left out of the rates' denominators. */
  rejected: number;
  /** Closed since local midnight. */
  closedToday: number;
  /** Closed by their deadline (按期办结). */
  closedOnTime: number;
  /** Sum over closed events of (closed − reported), ms: the mean handling time's numerator. */
  handlingMsSum: number;
  /** Today's events by category and by source (the wall's mix panels). */
  todayByCategory: Partial<Record<Category, number>>;
  todayBySource: Partial<Record<Source, number>>;
}

/**
 * Counters as a screen receives them: the focused region's whole, the other regions on its map
 * without today's category and source mixes (only the focus's mix panels show them; at a busy
 * hour they were half of every delta's counter bytes).
 */
export type ScreenCounters = Omit<RegionCounters, 'todayByCategory' | 'todayBySource'> & Partial<Pick<RegionCounters, 'todayByCategory' | 'todayBySource'>>;

/** A region on the map but not in focus, as screens receive it (ScreenCounters). */
export function withoutMixes(c: RegionCounters): ScreenCounters {
  const { todayByCategory: _c, todayBySource: _s, ...rest } = c;
  return rest;
}

/** What of an event the counters depend on. Times in epoch ms. */
export interface CountableEvent {
  category: Category;
  source: Source;
  status: EventStatus;
  reportedAtMs: number;
  closedAtMs: number | null;
  deadlineMs: number;
  /** Whether the overdue watcher has marked it overdue. */
  overdue: boolean;
}

export function emptyCounters(): RegionCounters {
  return {
    total: 0,
    today: 0,
    open: 0,
    overdue: 0,
    closed: 0,
    rejected: 0,
    closedToday: 0,
    closedOnTime: 0,
    handlingMsSum: 0,
    todayByCategory: {},
    todayBySource: {},
  };
}

function bump<K extends string>(m: Partial<Record<K, number>>, k: K, by: number): void {
  const v = (m[k] ?? 0) + by;
  if (v === 0) delete m[k];
  else m[k] = v;
}

/**
 * Adds (sign 1) or removes (sign -1) one event's contribution to a region's counters, in place.
 * It depends only on the event's stored state and the day, so removing the "before" state of a
 * change always undoes exactly what adding it did. `todayStartMs`: the local midnight.
 */
export function addContribution(c: RegionCounters, e: CountableEvent, sign: 1 | -1, todayStartMs: number): void {
  c.total += sign;
  if (e.reportedAtMs >= todayStartMs) {
    c.today += sign;
    bump(c.todayByCategory, e.category, sign);
    bump(c.todayBySource, e.source, sign);
  }
  if (e.status === 'closed') {
    c.closed += sign;
    const closedAt = e.closedAtMs ?? e.reportedAtMs;
    if (closedAt >= todayStartMs) c.closedToday += sign;
    if (closedAt <= e.deadlineMs) c.closedOnTime += sign;
    c.handlingMsSum += sign * (closedAt - e.reportedAtMs);
  } else if (e.status === 'rejected') {
    c.rejected += sign;
  } else {
    c.open += sign;
    if (e.overdue) c.overdue += sign;
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
