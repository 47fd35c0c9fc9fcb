/** Where the tour is: touring, paused by someone at the screen, held by someone driving it from afar, or off. */
export interface TourState {
  status: 'running' | 'paused' | 'held' | 'off';
  /** Position of the screen's focus among the stops (0 = home), -1 when elsewhere. */
  index: number;
  total: number;
  /** Epoch ms of the next step (running) or of the earliest resume (paused); null when off. */
  nextAtMs: number | null;
}

export interface AutoTourOptions {
  /** The stops in order, home first (the district, then its streets). Read at each step. */
  stops: () => readonly string[];
  /** Where the screen is now. */
  current: () => string | null;
  /** Moves the screen. */
  go: (regionId: string) => void;
  /** Time at each stop, ms. */
  periodMs: number;
  /** Quiet time after the last touch, click or movement before the tour resumes, ms. */
  idleMs: number;
  /** Epoch ms; injectable for tests. Default Date.now. */
  now?: () => number;
  onChange?: (state: TourState) => void;
}

/**
 * The unattended wall's auto-tour: home, each stop in turn, home again, `periodMs` at each.
 * Someone touching the screen pauses it; after `idleMs` without activity it goes home and
 * carries on. It owns its one timer: stop() clears it.
 */
export class AutoTour {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private status: TourState['status'] = 'off';
  private nextAtMs: number | null = null;
  private lastActivityMs = -Infinity;
  private readonly now: () => number;

  constructor(private readonly o: AutoTourOptions) {
    this.now = o.now ?? Date.now;
  }

  start(): void {
    if (this.status !== 'off') return;
    this.status = 'running';
    this.arm(this.o.periodMs, this.step);
  }

  stop(): void {
    this.clear();
    this.status = 'off';
    this.nextAtMs = null;
    this.emit();
  }

  /**
   * Someone drives the screen from elsewhere ("push to wall"): no steps while `held`; when let go,
   * the tour goes home and carries on.
   */
  hold(held: boolean): void {
    if (this.status === 'off') return;
    if (held) {
      this.clear();
      this.status = 'held';
      this.nextAtMs = null;
      this.emit();
    } else if (this.status === 'held') {
      this.lastActivityMs = -Infinity;
      this.resumeIfQuiet();
    }
  }

  /** Someone is at the screen: pause (or stay paused) until they have been quiet for idleMs. */
  activity(): void {
    this.lastActivityMs = this.now();
    if (this.status !== 'running') return; // paused: the resume check looks at lastActivityMs
    this.status = 'paused';
    this.arm(this.o.idleMs, this.resumeIfQuiet);
  }

  state(): TourState {
    const stops = this.o.stops();
    const cur = this.o.current();
    return { status: this.status, index: cur === null ? -1 : stops.indexOf(cur), total: stops.length, nextAtMs: this.nextAtMs };
  }

  private readonly step = (): void => {
    const stops = this.o.stops();
    if (stops.length > 0) {
      const i = stops.indexOf(this.o.current() ?? '');
      // From anywhere off the route (someone drilled into a grid), the tour starts again at home.
      this.o.go(stops[i < 0 ? 0 : (i + 1) % stops.length]);
    }
    this.arm(this.o.periodMs, this.step);
  };

  private readonly resumeIfQuiet = (): void => {
    const quietFor = this.now() - this.lastActivityMs;
    if (quietFor < this.o.idleMs) {
      this.arm(this.o.idleMs - quietFor, this.resumeIfQuiet);
      return;
    }
    this.status = 'running';
    const home = this.o.stops()[0];
    if (home !== undefined && this.o.current() !== home) this.o.go(home);
    this.arm(this.o.periodMs, this.step);
  };

  private arm(ms: number, fn: () => void): void {
    this.clear();
    this.nextAtMs = this.now() + ms;
    this.timer = setTimeout(fn, ms);
    this.emit();
  }

  private clear(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private emit(): void {
    this.o.onChange?.(this.state());
  }
}
