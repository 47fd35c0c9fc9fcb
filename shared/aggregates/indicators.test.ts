import { describe, expect, it } from 'vitest';
import { closureRate, meanHandlingHours, onTimeRate } from './indicators';
import { emptyCounters } from './regionCounters';

describe('indicators', () => {
  it('reproduces a real month: 911 of 972 closed = 93.72 %, 737 on time = 75.82 %', () => {
    const c = { ...emptyCounters(), total: 980, rejected: 8, closed: 911, closedOnTime: 737 };
    expect(closureRate(c)!.toFixed(4)).toBe('0.9372');
    expect(onTimeRate(c)!.toFixed(4)).toBe('0.7582');
  });

  it('has no rate when nothing is due, and no mean when nothing is closed', () => {
    expect(closureRate(emptyCounters())).toBeNull();
    expect(onTimeRate({ ...emptyCounters(), total: 2, rejected: 2 })).toBeNull();
    expect(meanHandlingHours(emptyCounters())).toBeNull();
    expect(meanHandlingHours({ ...emptyCounters(), closed: 2, handlingMsSum: 3 * 3600_000 })).toBe(1.5);
  });
});
