import type { ServiceCategory } from './serviceCategories';
import { FUNNEL_STAGES, ORDER_STAGES, isOrderOpen, type FunnelStage, type OrderStage } from './orderStages';

/**
 * The service-card panel's counters for one region (any level): streamed as panel
 * `serviceCard` (FocusSnapshot.panels.serviceCard[regionId]) and returned by
 * GET /api/regions/:id/activities. "Today" is the local (China Standard Time) day; times are
 * ms. Means and rates are derived (serviceCardIndicators.ts), never stored.
 */
export interface ServiceCardCounters {
  /** Orders ever placed (点单) in the region. */
  total: number;
  /** Orders placed since local midnight. */
  today: number;
  /** Orders requested, dispatched or accepted: not yet done or cancelled. */
  open: number;
  /** Orders at each stage now; every stage is present. */
  atStage: Record<OrderStage, number>;
  /** The funnel over every order: how many reached each stage (点单 → 下单 → 接单 → 完成 → 评价). */
  reached: Record<FunnelStage, number>;
  /** The same funnel over the orders placed today. */
  reachedToday: Record<FunnelStage, number>;
  /** Orders placed today by category (absent: none). */
  todayByCategory: Partial<Record<ServiceCategory, number>>;
  /** Orders ever accepted, and the sum of their times from order to acceptance, ms. */
  acceptedCount: number;
  acceptanceMsSum: number;
  /** The same for orders accepted since local midnight. */
  acceptedToday: number;
  acceptanceMsSumToday: number;
  /** Ratings (1–5) given ever: how many, their sum, and how many of each score (index 0 = 1 star). */
  ratingCount: number;
  ratingSum: number;
  ratingsByScore: [number, number, number, number, number];
  /** Ratings given since local midnight. */
  ratedToday: number;
  ratingSumToday: number;
}

/** What of a stored order the counters depend on. Times in epoch ms. */
export interface OrderCountable {
  category: ServiceCategory;
  stage: OrderStage;
  requestedAtMs: number;
  dispatchedAtMs: number | null;
  acceptedAtMs: number | null;
  doneAtMs: number | null;
  ratedAtMs: number | null;
  rating: number | null;
}

const stageRecord = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function emptyServiceCardCounters(): ServiceCardCounters {
  return {
    total: 0,
    today: 0,
    open: 0,
    atStage: stageRecord(ORDER_STAGES),
    reached: stageRecord(FUNNEL_STAGES),
    reachedToday: stageRecord(FUNNEL_STAGES),
    todayByCategory: {},
    acceptedCount: 0,
    acceptanceMsSum: 0,
    acceptedToday: 0,
    acceptanceMsSumToday: 0,
    ratingCount: 0,
    ratingSum: 0,
    ratingsByScore: [0, 0, 0, 0, 0],
    ratedToday: 0,
    ratingSumToday: 0,
  };
}

/** The funnel stages an order has reached, by its time stamps. */
export function reachedStages(o: OrderCountable): FunnelStage[] {
  const out: FunnelStage[] = ['requested'];
  if (o.dispatchedAtMs !== null) out.push('dispatched');
  if (o.acceptedAtMs !== null) out.push('accepted');
  if (o.doneAtMs !== null) out.push('done');
  if (o.ratedAtMs !== null) out.push('rated');
  return out;
}

function bump<K extends string>(m: Partial<Record<K, number>>, k: K, by: number): void {
  const v = (m[k] ?? 0) + by;
  if (v === 0) delete m[k];
  else m[k] = v;
}

/**
 * Adds (sign 1) or removes (sign -1) one order's contribution to a region's counters, in
 * place; depends only on the order's stored state and the day (`todayStartMs`, local midnight).
 */
export function addOrderContribution(c: ServiceCardCounters, o: OrderCountable, sign: 1 | -1, todayStartMs: number): void {
  c.total += sign;
  c.atStage[o.stage] += sign;
  if (isOrderOpen(o.stage)) c.open += sign;
  const placedToday = o.requestedAtMs >= todayStartMs;
  for (const s of reachedStages(o)) {
    c.reached[s] += sign;
    if (placedToday) c.reachedToday[s] += sign;
  }
  if (placedToday) {
    c.today += sign;
    bump(c.todayByCategory, o.category, sign);
  }
  if (o.acceptedAtMs !== null) {
    const wait = o.acceptedAtMs - o.requestedAtMs;
    c.acceptedCount += sign;
    c.acceptanceMsSum += sign * wait;
    if (o.acceptedAtMs >= todayStartMs) {
      c.acceptedToday += sign;
      c.acceptanceMsSumToday += sign * wait;
    }
  }
  if (o.rating !== null && o.ratedAtMs !== null) {
    c.ratingCount += sign;
    c.ratingSum += sign * o.rating;
    c.ratingsByScore[o.rating - 1] += sign;
    if (o.ratedAtMs >= todayStartMs) {
      c.ratedToday += sign;
      c.ratingSumToday += sign * o.rating;
    }
  }
}

/** What a region's counters become when a local midnight (or several) has passed. */
export function rollOverServiceCardDay(c: ServiceCardCounters): void {
  c.today = 0;
  c.reachedToday = stageRecord(FUNNEL_STAGES);
  c.todayByCategory = {};
  c.acceptedToday = 0;
  c.acceptanceMsSumToday = 0;
  c.ratedToday = 0;
  c.ratingSumToday = 0;
}

export function cloneServiceCardCounters(c: ServiceCardCounters): ServiceCardCounters {
  return {
    ...c,
    atStage: { ...c.atStage },
    reached: { ...c.reached },
    reachedToday: { ...c.reachedToday },
    todayByCategory: { ...c.todayByCategory },
    ratingsByScore: [...c.ratingsByScore],
  };
}
