import TinyQueue from 'tinyqueue';
import type { Logger } from 'pino';
import type { GridEvent } from '../../shared/events/gridEvent';
import { ApiPath } from '../../shared/protocol/socketProtocol';
import type { TransitionRequest } from '../../shared/events/transitionSchema';
import type { Random } from './random';
import { nextStep } from './handlingPlan';
import type { SimClock } from './simClock';

interface Scheduled {
  atMs: number;
  event: GridEvent;
}

/** Largest number of events it follows at once; beyond it new ones are left to people. */
const MAX_TRACKED = 20_000;

/**
 * Plays the departments and duty officers: moves the events it is given along the closed loop
 * through the public transitions API, with the pace of handlingPlan.ts. Each move names the
 * status it expects, so a person acting first wins and the simulator simply lets go.
 */
/** Transition requests the simulator keeps in flight at once. */
const MOVES_IN_FLIGHT = 16;

export class HandlingSimulator {
  private readonly queue = new TinyQueue<Scheduled>([], (a, b) => a.atMs - b.atMs);
  private timer: NodeJS.Timeout | null = null;
  private busy = false;
  moved = 0;

  constructor(
    private readonly deps: { baseUrl: string; random: Random; log: Logger; clock: SimClock; stepMs?: number; headers?: Record<string, string> },
  ) {}

  /** Simulated time: the plan's durations are simulated, so a faster clock handles faster. */
  private get now() {
    return this.deps.clock.now();
  }

  start(): void {
    this.timer = setInterval(() => void this.step(), this.deps.stepMs ?? 1000);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Follows an event from its current status on. */
  follow(event: GridEvent): void {
    if (this.queue.length >= MAX_TRACKED) return;
    const step = nextStep(event.status, event.category, event.severity, this.deps.random);
    if (step) this.queue.push({ atMs: this.now + step.afterMs, event });
  }

  private async step(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const now = this.now;
      const due: GridEvent[] = [];
      while (this.queue.length > 0 && this.queue.peek()!.atMs <= now) due.push(this.queue.pop()!.event);
      // Events move independently: several moves in flight (each waits for a durable commit, and
      // the server folds them into one), so that at a high SIMULATOR_SPEED the loop keeps pace.
      let next = 0;
      await Promise.all(
        Array.from({ length: Math.min(MOVES_IN_FLIGHT, due.length) }, async () => {
          while (next < due.length) await this.advance(due[next++]);
        }),
      );
    } finally {
      this.busy = false;
    }
  }

  private async advance(event: GridEvent): Promise<void> {
    const step = nextStep(event.status, event.category, event.severity, this.deps.random);
    if (!step) return;
    const body: TransitionRequest = { action: step.action, actor: 'simulator', expectedStatus: event.status, unit: step.unit };
    try {
      const res = await fetch(`${this.deps.baseUrl}${ApiPath.events}/${encodeURIComponent(event.id)}/transitions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...this.deps.headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      if (res.ok) {
        this.moved++;
        this.follow(((await res.json()) as { event: GridEvent }).event);
      } else if (res.status >= 500) {
        this.queue.push({ atMs: this.now + this.deps.clock.speed * 5000, event }); // try again in 5 s
      }
      // 404/409: someone else moved or removed it; let go.
    } catch {
      this.queue.push({ atMs: this.now + this.deps.clock.speed * 5000, event });
    }
  }
}
