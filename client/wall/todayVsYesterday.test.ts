import { describe, expect, it } from 'vitest';
import { todayVsYesterday } from './todayVsYesterday';

const H = 3600_000;
// 2025-01-02 09:30 in China (UTC+8) = 01:30 UTC.
const NOW = Date.UTC(2025, 0, 2, 1, 30);
const CHINA_MIDNIGHT = Date.UTC(2025, 0, 1, 16); // 2025-01-02 00:00 +08:00

/** The server's window at NOW: index 47 is the hour in progress (09:00 today). */
function windowAt(nowHourStart: number, countOf: (hourStart: number) => number) {
  const startMs = nowHourStart - 47 * H;
  return { startMs, counts: Array.from({ length: 48 }, (_, i) => countOf(startMs + i * H)) };
}

describe('todayVsYesterday', () => {
  const series = windowAt(CHINA_MIDNIGHT + 9 * H, (t) => (t >= CHINA_MIDNIGHT ? 100 : 0) + Math.round((t - CHINA_MIDNIGHT) / H) + 24);

  it('puts today’s hours 0 … now under their clock hour and leaves the rest unknown', () => {
    const r = todayVsYesterday(series, NOW);
    expect(r.currentHour).toBe(9);
    expect(r.today.slice(0, 10)).toEqual([124, 125, 126, 127, 128, 129, 130, 131, 132, 133]);
    expect(r.today.slice(10).every((v) => v === null)).toBe(true);
  });

  it('fills all 24 of yesterday’s hours from the older part of the window', () => {
    const r = todayVsYesterday(series, NOW);
    expect(r.yesterday).toHaveLength(24);
    expect(r.yesterday[0]).toBe(0); // yesterday 00:00 = 24 h before today 00:00 → offset -24 + 24
    expect(r.yesterday[23]).toBe(23);
  });

  it('turns over at local midnight, not UTC midnight (both sides of 00:00 +08:00)', () => {
    const before = todayVsYesterday(windowAt(CHINA_MIDNIGHT - H, () => 1), CHINA_MIDNIGHT - 1);
    expect(before.currentHour).toBe(23);
    expect(before.today.every((v) => v === 1)).toBe(true);
    const after = todayVsYesterday(windowAt(CHINA_MIDNIGHT, () => 1), CHINA_MIDNIGHT);
    expect(after.currentHour).toBe(0);
    expect(after.today[0]).toBe(1);
    expect(after.today[1]).toBeNull();
    expect(after.yesterday.every((v) => v === 1)).toBe(true);
  });

  it('counts an hour the series has not reached yet as 0 (a quiet focus sent nothing this hour)', () => {
    const stale = windowAt(CHINA_MIDNIGHT + 7 * H, () => 3);
    const r = todayVsYesterday(stale, NOW);
    expect(r.today.slice(7, 10)).toEqual([3, 0, 0]);
  });
});
