import type { HourlySeries } from '../../shared/protocol/socketProtocol';
import { CHINA_UTC_OFFSET_MS, dayStart } from '../../shared/time/dayStart';

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

export interface TodayVsYesterday {
  /** Events reported in each clock hour 0–23 today; null for hours still to come. */
  today: (number | null)[];
  /** Events reported in each clock hour 0–23 yesterday. */
  yesterday: number[];
  /** The hour of day in progress (0–23). */
  currentHour: number;
}

/**
 * Splits the server's 48 rolling hours into today's clock hours so far and all of yesterday's.
 * The window always covers them: with the hour in progress at index 47, yesterday's 00:00 is at
 * most 47 hours back. Hours are placed by their start time (`startMs` + i h), not by position,
 * so a series a little older than `nowMs` (a quiet focus, no delta yet this hour) still lines up;
 * an hour the series does not cover counts as unknown today and 0 yesterday.
 * `offsetMs`: the local time zone's offset (China, no daylight saving).
 */
export function todayVsYesterday(series: HourlySeries, nowMs: number, offsetMs = CHINA_UTC_OFFSET_MS): TodayVsYesterday {
  const todayStart = dayStart(nowMs, offsetMs);
  const currentHour = Math.floor((nowMs - todayStart) / HOUR_MS);
  const at = (hourStartMs: number): number | null => {
    const i = Math.round((hourStartMs - series.startMs) / HOUR_MS);
    return i >= 0 && i < series.counts.length ? series.counts[i] : null;
  };
  const today: (number | null)[] = [];
  const yesterday: number[] = [];
  for (let h = 0; h < 24; h++) {
    const t = todayStart + h * HOUR_MS;
    // An hour the series has not reached yet (it is older than now) is 0 if it has begun: nothing was reported.
    today.push(h > currentHour ? null : (at(t) ?? 0));
    yesterday.push(at(t - DAY_MS) ?? 0);
  }
  return { today, yesterday, currentHour };
}
