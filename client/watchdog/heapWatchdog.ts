/** What the watchdog did and why; kept so an operator can read it after a reload. */
export interface WatchdogEntry {
  atMs: number;
  kind: 'baseline' | 'soft-reset' | 'recovered' | 'reload-pending' | 'reload';
  /** The heap level the decision was made on (lowest sample of the window), bytes. */
  usedBytes: number;
  baselineBytes: number | null;
}

export interface HeapWatchdogOptions {
  /** Used JS heap, bytes; null where the browser does not say (not Chromium). */
  sample: () => number | null;
  /** Empties the stores and re-creates the charts: cheap, invisible but for a blink. */
  softReset: () => void;
  /** The last resort: location.reload(). */
  reload: () => void;
  /** Whether now is a good moment for a reload (nobody at the screen, no fresh alert). */
  isQuiet: () => boolean;
  log: (entry: WatchdogEntry) => void;
  /** Epoch ms; injectable for tests. */
  now?: () => number;
  /** Sampling period, ms. Default 60 000. */
  intervalMs?: number;
  /** Time after start before the baseline is taken (the page loads, maps register), ms. Default 10 min. */
  warmupMs?: number;
  /** Growth over the baseline that counts as a leak, as a share. Default 0.5 (+50 %). */
  growth?: number;
  /** How long the heap must stay above it, ms. Default 10 min. */
  sustainMs?: number;
  /** Longest wait for a quiet moment before reloading anyway, ms. Default 30 min. */
  maxQuietWaitMs?: number;
}

/**
 * Watches the page's JS heap and recovers from a leak by itself instead of waiting for a crash.
 *
 * The heap is sampled every minute. A garbage-collected heap saws up and down, so levels are
 * compared by their lowest sample over a window: the baseline is the lowest sample in the second
 * half of the warm-up, and a leak is the lowest sample of the last `sustainMs` staying above
 * baseline × (1 + growth) — a sawtooth peak never trips it, a floor that has risen does. The first
 * time, it does a soft reset; if the floor is still high a whole window after that, it reloads the
 * page at the next quiet moment (or after `maxQuietWaitMs` regardless). Every step is logged.
 */
export class HeapWatchdog {
  private timer: ReturnType<typeof setInterval> | null = null;
  private startedMs = 0;
  private baseline: number | null = null;
  private warmup: number[] = [];
  /** Samples of the current window: bounded to one window's worth. */
  private window: { t: number; bytes: number }[] = [];
  private windowStartMs = 0;
  private stage: 'watching' | 'soft-reset' | 'reload-pending' = 'watching';
  private pendingSinceMs = 0;
  private readonly now: () => number;
  private readonly intervalMs: number;
  private readonly warmupMs: number;
  private readonly growth: number;
  private readonly sustainMs: number;
  private readonly maxQuietWaitMs: number;

  constructor(private readonly o: HeapWatchdogOptions) {
    this.now = o.now ?? Date.now;
    this.intervalMs = o.intervalMs ?? 60_000;
    this.warmupMs = o.warmupMs ?? 10 * 60_000;
    this.growth = o.growth ?? 0.5;
    this.sustainMs = o.sustainMs ?? 10 * 60_000;
    this.maxQuietWaitMs = o.maxQuietWaitMs ?? 30 * 60_000;
  }

  /** Starts sampling; does nothing where the heap cannot be read. */
  start(): void {
    if (this.timer !== null || this.o.sample() === null) return;
    this.startedMs = this.now();
    this.timer = setInterval(() => this.tick(), this.intervalMs);
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** The baseline in bytes once warm-up is over, else null. */
  baselineBytes(): number | null {
    return this.baseline;
  }

  /** One sample and the decision it leads to (called by the timer; public for tests). */
  tick(): void {
    const bytes = this.o.sample();
    if (bytes === null) return;
    const t = this.now();
    if (this.baseline === null) {
      if (t - this.startedMs >= this.warmupMs / 2) this.warmup.push(bytes);
      if (t - this.startedMs >= this.warmupMs) {
        this.baseline = Math.min(...this.warmup);
        this.warmup = [];
        this.restartWindow(t);
        this.o.log({ atMs: t, kind: 'baseline', usedBytes: this.baseline, baselineBytes: this.baseline });
      }
      return;
    }
    if (this.stage === 'reload-pending') {
      this.reloadIfQuiet(t, bytes, t - this.pendingSinceMs >= this.maxQuietWaitMs);
      return;
    }
    this.window.push({ t, bytes });
    // Slide: the samples of the last sustainMs only.
    while (this.window.length > 0 && t - this.window[0].t >= this.sustainMs) this.window.shift();
    if (t - this.windowStartMs < this.sustainMs) return; // not a whole window since (re)start yet
    const floor = Math.min(...this.window.map((s) => s.bytes));
    if (floor <= this.baseline * (1 + this.growth)) {
      if (this.stage === 'soft-reset') this.o.log({ atMs: t, kind: 'recovered', usedBytes: floor, baselineBytes: this.baseline });
      this.stage = 'watching';
      return;
    }
    if (this.stage === 'watching') {
      this.stage = 'soft-reset';
      this.o.log({ atMs: t, kind: 'soft-reset', usedBytes: floor, baselineBytes: this.baseline });
      this.o.softReset();
      this.restartWindow(t);
    } else {
      this.stage = 'reload-pending';
      this.pendingSinceMs = t;
      this.o.log({ atMs: t, kind: 'reload-pending', usedBytes: floor, baselineBytes: this.baseline });
      this.reloadIfQuiet(t, bytes, false);
    }
  }

  /** Reloads now if nobody is watching closely (or the wait for that has been long enough). */
  private reloadIfQuiet(t: number, bytes: number, waitedEnough: boolean): void {
    if (this.o.isQuiet() || waitedEnough) {
      this.stop();
      this.o.log({ atMs: t, kind: 'reload', usedBytes: bytes, baselineBytes: this.baseline });
      this.o.reload();
    }
  }

  private restartWindow(t: number): void {
    this.window = [];
    this.windowStartMs = t;
  }
}
