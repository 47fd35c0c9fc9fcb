import { describe, expect, it } from 'vitest';
import { allowedMs, deadlineMs, slaLight, timeLimitsSchema } from './timeLimits';
import shipped from '../../config/time-limits.json';

const H = 3600_000;
const limits = timeLimitsSchema.parse({ hoursBySeverity: { critical: 2, urgent: 24, normal: 72 }, hoursByCategory: { sanitation: { normal: 4 } } });

describe('time limits', () => {
  it('uses the category override where there is one, else the urgency tier', () => {
    expect(allowedMs(limits, 'sanitation', 'normal')).toBe(4 * H);
    expect(allowedMs(limits, 'sanitation', 'critical')).toBe(2 * H);
    expect(allowedMs(limits, 'dispute', 'urgent')).toBe(24 * H);
    expect(deadlineMs(limits, 'dispute', 'critical', 1000)).toBe(1000 + 2 * H);
  });

  it('turns yellow exactly at 70 % of the allowed time and red just after the deadline', () => {
    const t0 = 0;
    const dl = 10 * H;
    expect(slaLight(t0, dl, 7 * H - 1, 0.7)).toBe('green');
    expect(slaLight(t0, dl, 7 * H, 0.7)).toBe('yellow');
    expect(slaLight(t0, dl, dl, 0.7)).toBe('yellow');
    expect(slaLight(t0, dl, dl + 1, 0.7)).toBe('red');
  });

  it('accepts the shipped config file and refuses a malformed one naming the field', () => {
    expect(() => timeLimitsSchema.parse(shipped)).not.toThrow();
    const bad = timeLimitsSchema.safeParse({ hoursBySeverity: { critical: -1, urgent: 1, normal: 1 } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].path).toEqual(['hoursBySeverity', 'critical']);
  });

  it('keeps 催办 at most every 30 minutes unless the file says otherwise', () => {
    expect(limits.urgeMinMinutes).toBe(30);
    expect(timeLimitsSchema.parse({ ...shipped, urgeMinMinutes: 120 }).urgeMinMinutes).toBe(120);
    expect(timeLimitsSchema.safeParse({ ...shipped, urgeMinMinutes: -5 }).error?.issues[0].path).toEqual(['urgeMinMinutes']);
  });
});
