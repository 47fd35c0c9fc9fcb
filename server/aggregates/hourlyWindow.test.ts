import { describe, expect, it } from 'vitest';
import { HourlyWindow, WINDOW_HOURS } from './hourlyWindow';

const H = 3600_000;
const T = Date.parse('2026-11-25T06:30:00Z');

describe('HourlyWindow', () => {
  it('puts a report in its hour: the last slot is the hour in progress, slot 23 the same hour yesterday', () => {
    let now = T;
    const w = new HourlyWindow(['d', 's'], () => now);
    w.add(['d', 's'], T);
    w.add(['d'], T - 24 * H);
    const s = w.series('d');
    expect(s.counts).toHaveLength(WINDOW_HOURS);
    expect(s.counts[47]).toBe(1);
    expect(s.counts[23]).toBe(1);
    expect(s.startMs).toBe(Date.parse('2026-11-23T07:00:00Z'));
    expect(w.series('s').counts[23]).toBe(0);
  });

  it('ignores reports older than the window or in the future', () => {
    const w = new HourlyWindow(['d'], () => T);
    w.add(['d'], T - 48 * H);
    w.add(['d'], T + H);
    expect(w.series('d').counts.reduce((a, b) => a + b)).toBe(0);
  });

  it('slides on the hour: just before it nothing moves, just after everything shifts by one', () => {
    let now = Date.parse('2026-11-25T06:59:59.999Z');
    const w = new HourlyWindow(['d'], () => now);
    w.add(['d'], now);
    expect(w.series('d').counts[47]).toBe(1);
    now += 1;
    expect(w.series('d').counts[46]).toBe(1);
    expect(w.series('d').counts[47]).toBe(0);
    now += 60 * H;
    expect(w.series('d').counts.every((c) => c === 0)).toBe(true);
  });
});
