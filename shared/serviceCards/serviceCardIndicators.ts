import type { ServiceCardCounters } from './serviceCardCounters';

const MINUTE_MS = 60_000;

/** Mean time from order (点单) to acceptance (接单) over every accepted order, minutes. */
export function meanAcceptanceMinutes(c: ServiceCardCounters): number | null {
  return c.acceptedCount > 0 ? c.acceptanceMsSum / c.acceptedCount / MINUTE_MS : null;
}

/** The same over orders accepted today, minutes. */
export function meanAcceptanceMinutesToday(c: ServiceCardCounters): number | null {
  return c.acceptedToday > 0 ? c.acceptanceMsSumToday / c.acceptedToday / MINUTE_MS : null;
}

/** Mean rating (满意度评分), 1–5. */
export function meanRating(c: ServiceCardCounters): number | null {
  return c.ratingCount > 0 ? c.ratingSum / c.ratingCount : null;
}

/** Satisfaction rate (满意率): share of ratings of 4 or 5, 0–1. */
export function satisfactionRate(c: ServiceCardCounters): number | null {
  return c.ratingCount > 0 ? (c.ratingsByScore[3] + c.ratingsByScore[4]) / c.ratingCount : null;
}

/** Share of orders placed that were done (完成率), 0–1; cancelled orders stay in the denominator. */
export function completionRate(c: ServiceCardCounters): number | null {
  return c.total > 0 ? c.reached.done / c.total : null;
}

/** A region's service-card counters with the figures derived from them (REST answers). */
export function serviceCardIndicators(c: ServiceCardCounters) {
  return {
    counters: c,
    meanAcceptanceMinutes: meanAcceptanceMinutes(c),
    meanAcceptanceMinutesToday: meanAcceptanceMinutesToday(c),
    meanRating: meanRating(c),
    satisfactionRate: satisfactionRate(c),
    completionRate: completionRate(c),
  };
}
