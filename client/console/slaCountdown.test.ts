import { describe, expect, it } from 'vitest';
import { formatCountdown, slaCountdown } from './slaCountdown';

const H = 3600_000;
const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);
/** A case reported at T0 with 10 hours to close it. */
const open = (over: Record<string, unknown> = {}) => ({
  status: 'accepted' as const,
  reportedAt: new Date(T0).toISOString(),
  deadline: new Date(T0 + 10 * H).toISOString(),
  closedAt: null,
  overdueAt: null,
  ...over,
});

describe('slaCountdown', () => {
  it('turns yellow exactly at 70 % of the allowed time, not a millisecond before', () => {
    expect(slaCountdown(open(), T0 + 7 * H - 1, 0.7)).toEqual({ light: 'green', remainingMs: 3 * H + 1 });
    expect(slaCountdown(open(), T0 + 7 * H, 0.7)).toEqual({ light: 'yellow', remainingMs: 3 * H });
  });
  it('is still yellow at the deadline and red just after it', () => {
    expect(slaCountdown(open(), T0 + 10 * H, 0.7)).toEqual({ light: 'yellow', remainingMs: 0 });
    expect(slaCountdown(open(), T0 + 10 * H + 1, 0.7)).toEqual({ light: 'red', remainingMs: -1 });
  });
  it('never shows more time left than was allowed, when this clock runs behind the server\u2019s', () => {
    expect(slaCountdown(open(), T0 - 1500, 0.7)).toEqual({ light: 'green', remainingMs: 10 * H });
    expect(slaCountdown(open(), T0, 0.7).remainingMs).toBe(10 * H);
    expect(slaCountdown(open(), T0 + 1, 0.7).remainingMs).toBe(10 * H - 1);
  });
  it('is red once the server marked the case overdue, even if this clock runs behind', () => {
    expect(slaCountdown(open({ overdueAt: new Date(T0 + 10 * H).toISOString() }), T0 + 9 * H, 0.7).light).toBe('red');
  });
  it('says whether a final case closed by its deadline, with no countdown', () => {
    const closedAt = (ms: number) => ({ status: 'closed' as const, closedAt: new Date(ms).toISOString() });
    expect(slaCountdown(open(closedAt(T0 + 10 * H)), T0 + 20 * H, 0.7)).toEqual({ light: 'done_on_time', remainingMs: null });
    expect(slaCountdown(open(closedAt(T0 + 10 * H + 1)), T0 + 20 * H, 0.7)).toEqual({ light: 'done_late', remainingMs: null });
    expect(slaCountdown(open({ status: 'rejected', closedAt: new Date(T0 + H).toISOString() }), T0 + 2 * H, 0.7).light).toBe('done_on_time');
  });
});

describe('formatCountdown', () => {
  const days = (n: number) => `${n}天`;
  it('ticks a clock with hours unpadded under a day', () => {
    expect(formatCountdown(42 * 60_000 + 7_000, days)).toBe('0:42:07');
    expect(formatCountdown(86_400_000 - 1_000, days)).toBe('23:59:59');
  });
  it('rounds time left up, so it reads 0:00:00 exactly at the deadline and 0:00:01 just before', () => {
    expect(formatCountdown(1, days)).toBe('0:00:01');
    expect(formatCountdown(1_000, days)).toBe('0:00:01');
    expect(formatCountdown(1_001, days)).toBe('0:00:02');
    expect(formatCountdown(0, days)).toBe('0:00:00');
  });
  it('rounds time over down: the first overdue second reads 0:00:00, then counts up', () => {
    expect(formatCountdown(-1, days)).toBe('0:00:00');
    expect(formatCountdown(-999, days)).toBe('0:00:00');
    expect(formatCountdown(-1_000, days)).toBe('0:00:01');
    expect(formatCountdown(-(2 * H + 5_000), days)).toBe('2:00:05');
  });
  it('puts whole days in front past 24 hours', () => {
    expect(formatCountdown(86_400_000, days)).toBe('1天 00:00:00');
    expect(formatCountdown(2 * 86_400_000 + 3 * H + 4 * 60_000 + 5_000, (n) => `${n}d`)).toBe('2d 03:04:05');
  });
});
