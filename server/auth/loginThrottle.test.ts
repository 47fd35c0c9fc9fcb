import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './loginThrottle';

describe('LoginThrottle', () => {
  it('lets 5 failures through, refuses the 6th try until the first failure is 15 minutes old', () => {
    let now = 1_000_000;
    const t = new LoginThrottle(() => now);
    for (let i = 0; i < 5; i++) {
      expect(t.retryAfterMs('u:wang')).toBe(0);
      t.fail('u:wang');
      now += 1000;
    }
    expect(t.retryAfterMs('u:wang')).toBe(15 * 60_000 - 5000);
    now = 1_000_000 + 15 * 60_000 - 1; // just before the first failure ages out
    expect(t.retryAfterMs('u:wang')).toBe(1);
    now += 1; // just after
    expect(t.retryAfterMs('u:wang')).toBe(0);
    expect(t.retryAfterMs('u:li')).toBe(0);
  });

  it('forgets a key’s failures on success', () => {
    const t = new LoginThrottle(() => 0);
    for (let i = 0; i < 5; i++) t.fail('u:wang');
    t.succeed('u:wang');
    expect(t.retryAfterMs('u:wang')).toBe(0);
  });
});
