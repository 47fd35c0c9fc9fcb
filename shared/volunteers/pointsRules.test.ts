import { describe, expect, it } from 'vitest';
import { DEFAULT_POINTS_RULES, creditSession, pointsRulesSchema } from './pointsRules';

const MIN = 60_000;

describe('creditSession', () => {
  it('credits whole minutes, 10 points an hour, rounding points down', () => {
    expect(creditSession(0, 60 * MIN, DEFAULT_POINTS_RULES)).toEqual({ creditedMs: 60 * MIN, points: 10 });
    expect(creditSession(0, 95 * MIN + 59_999, DEFAULT_POINTS_RULES)).toEqual({ creditedMs: 95 * MIN, points: 15 });
    expect(creditSession(0, 5 * MIN + 59_999, DEFAULT_POINTS_RULES)).toEqual({ creditedMs: 5 * MIN, points: 0 });
    expect(creditSession(0, 6 * MIN, DEFAULT_POINTS_RULES)).toEqual({ creditedMs: 6 * MIN, points: 1 });
  });

  it('caps a session at maxSessionHours, on both sides of the cap', () => {
    expect(creditSession(0, 12 * 60 * MIN, DEFAULT_POINTS_RULES)).toEqual({ creditedMs: 12 * 60 * MIN, points: 120 });
    expect(creditSession(0, 12 * 60 * MIN + MIN, DEFAULT_POINTS_RULES)).toEqual({ creditedMs: 12 * 60 * MIN, points: 120 });
    expect(creditSession(0, 40 * 60 * MIN, DEFAULT_POINTS_RULES).points).toBe(120);
  });

  it('credits nothing for a check-out at or before the check-in', () => {
    expect(creditSession(10 * MIN, 10 * MIN, DEFAULT_POINTS_RULES)).toEqual({ creditedMs: 0, points: 0 });
    expect(creditSession(10 * MIN, 0, DEFAULT_POINTS_RULES)).toEqual({ creditedMs: 0, points: 0 });
  });

  it('validates a rules file, naming the field', () => {
    expect(pointsRulesSchema.safeParse({ pointsPerHour: 10, maxSessionHours: 12, $comment: 'x' }).success).toBe(true);
    const bad = pointsRulesSchema.safeParse({ pointsPerHour: -1, maxSessionHours: 12 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].path).toEqual(['pointsPerHour']);
    expect(pointsRulesSchema.safeParse({ pointsPerHour: 10, maxSessionHours: 12, bonus: 1 }).success).toBe(false);
  });
});
