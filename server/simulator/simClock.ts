/**
 * The simulator's clock: real time sped up by `speed` from the moment it started, so that a
 * simulated day (its rhythm, its handling times) passes in 24 h / speed of wall time.
 */
export interface SimClock {
  /** Simulated epoch ms now. */
  now(): number;
  /** Real ms that `simMs` of simulated time takes. */
  realMs(simMs: number): number;
  readonly speed: number;
}

export function simClock(speed: number, realNow: () => number = Date.now): SimClock {
  const t0 = realNow();
  return {
    speed,
    now: () => t0 + (realNow() - t0) * speed,
    realMs: (simMs) => simMs / speed,
  };
}
