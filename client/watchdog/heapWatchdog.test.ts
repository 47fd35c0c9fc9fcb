import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WatchdogEntry } from './heapWatchdog';
import { HeapWatchdog } from './heapWatchdog';

const MB = 1024 * 1024;
const MIN = 60_000;

/** A watchdog over a heap the test sets; warm-up 10 min, +50 % sustained 10 min. */
function setup(opts: { quiet?: boolean } = {}) {
  let heap = 100 * MB;
  let quiet = opts.quiet ?? true;
  const log: WatchdogEntry[] = [];
  const softReset = vi.fn();
  const reload = vi.fn();
  const dog = new HeapWatchdog({ sample: () => heap, softReset, reload, isQuiet: () => quiet, log: (e) => log.push(e) });
  return {
    dog,
    log,
    softReset,
    reload,
    setHeap: (mb: number) => (heap = mb * MB),
    setQuiet: (q: boolean) => (quiet = q),
    minutes: (n: number) => vi.advanceTimersByTime(n * MIN),
  };
}

describe('HeapWatchdog', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('takes the lowest sample of the second half of warm-up as its baseline', () => {
    const w = setup();
    w.dog.start();
    w.setHeap(300); // loading: ignored
    w.minutes(4);
    w.setHeap(120);
    w.minutes(3);
    w.setHeap(110);
    w.minutes(3);
    expect(w.dog.baselineBytes()).toBe(110 * MB);
    expect(w.log.map((e) => e.kind)).toEqual(['baseline']);
  });

  it('ignores sawtooth peaks: only a floor that stays up counts', () => {
    const w = setup();
    w.dog.start();
    w.minutes(10);
    for (let i = 0; i < 30; i++) {
      w.setHeap(i % 3 === 0 ? 100 : 190);
      w.minutes(1);
    }
    expect(w.softReset).not.toHaveBeenCalled();
  });

  it('does a soft reset just after 10 minutes above +50 %, not before', () => {
    const w = setup();
    w.dog.start();
    w.minutes(10);
    w.setHeap(151);
    w.minutes(9);
    expect(w.softReset).not.toHaveBeenCalled();
    w.minutes(1);
    expect(w.softReset).toHaveBeenCalledOnce();
    expect(w.log.at(-1)).toMatchObject({ kind: 'soft-reset', usedBytes: 151 * MB, baselineBytes: 100 * MB });
  });

  it('does nothing at exactly +50 %', () => {
    const w = setup();
    w.dog.start();
    w.minutes(10);
    w.setHeap(150);
    w.minutes(30);
    expect(w.softReset).not.toHaveBeenCalled();
  });

  it('goes back to watching when the soft reset brought the heap down', () => {
    const w = setup();
    w.dog.start();
    w.minutes(10);
    w.setHeap(200);
    w.minutes(10);
    w.setHeap(105);
    w.minutes(10);
    expect(w.log.map((e) => e.kind)).toEqual(['baseline', 'soft-reset', 'recovered']);
    expect(w.reload).not.toHaveBeenCalled();
  });

  it('reloads when the heap stays high a whole window after the soft reset', () => {
    const w = setup();
    w.dog.start();
    w.minutes(10);
    w.setHeap(200);
    w.minutes(20);
    expect(w.reload).toHaveBeenCalledOnce();
    expect(w.log.map((e) => e.kind)).toEqual(['baseline', 'soft-reset', 'reload-pending', 'reload']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('waits for a quiet moment to reload, but not for ever', () => {
    const w = setup({ quiet: false });
    w.dog.start();
    w.minutes(10);
    w.setHeap(200);
    w.minutes(20);
    expect(w.reload).not.toHaveBeenCalled();
    w.minutes(5);
    w.setQuiet(true);
    w.minutes(1);
    expect(w.reload).toHaveBeenCalledOnce();
  });

  it('reloads anyway after 30 minutes without a quiet moment', () => {
    const w = setup({ quiet: false });
    w.dog.start();
    w.minutes(30);
    w.setHeap(200);
    w.minutes(20);
    w.minutes(29);
    expect(w.reload).not.toHaveBeenCalled();
    w.minutes(1);
    expect(w.reload).toHaveBeenCalledOnce();
  });

  it('does not start where the browser gives no heap figure', () => {
    const dog = new HeapWatchdog({ sample: () => null, softReset: () => {}, reload: () => {}, isQuiet: () => true, log: () => {} });
    dog.start();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps a bounded number of samples however long it runs', () => {
    const w = setup();
    w.dog.start();
    w.minutes(24 * 60);
    expect((w.dog as unknown as { window: unknown[] }).window.length).toBeLessThanOrEqual(10);
  });
});
