/**
 * Open-loop load: starts `send(n)` at a fixed rate whatever the answers' latency (as independent
 * reporters do), n = 0, 1, 2 …; resolves once the duration is over and every send has settled.
 */
export async function openLoop(opts: { ratePerS: number; durationMs: number; send: (n: number) => Promise<void> }): Promise<number> {
  const t0 = performance.now();
  let started = 0;
  const inFlight = new Set<Promise<void>>();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const elapsed = performance.now() - t0;
      const due = Math.floor((Math.min(elapsed, opts.durationMs) / 1000) * opts.ratePerS);
      while (started < due) {
        const p = opts.send(started++).finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      if (elapsed >= opts.durationMs) {
        clearInterval(timer);
        resolve();
      }
    }, 2);
  });
  await Promise.allSettled([...inFlight]);
  return started;
}
