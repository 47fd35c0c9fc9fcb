/**
 * Slows password guessing: after `maxFailures` failed log-ins for a key (a username, or an
 * address) within `windowMs`, that key is refused until the window has passed. In memory, per
 * process: a restart forgets, which is acceptable for a brake (the hashes are slow anyway).
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly now: () => number,
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60_000,
  ) {}

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Ms until `key` may try again (0: now). */
  retryAfterMs(key: string): number {
    const list = this.recent(key);
    return list.length < this.maxFailures ? 0 : list[list.length - this.maxFailures] + this.windowMs - this.now();
  }

  fail(key: string): void {
    this.failures.set(key, [...this.recent(key), this.now()]);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
