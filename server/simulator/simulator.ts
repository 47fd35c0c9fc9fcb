import type { Logger } from 'pino';
import { ApiPath } from '../../shared/protocol/socketProtocol';
import { CHINA_UTC_OFFSET_MS } from '../../shared/time/dayStart';
import type { EventIngest } from '../../shared/events/eventIngestSchema';
import type { GridEvent } from '../../shared/events/gridEvent';
import { HOURLY_RHYTHM } from './eventMix';
import { poisson, type Random } from './random';
import type { SimClock } from './simClock';

export interface SimulatorDeps {
  /** Base URL of this server's API, e.g. http://127.0.0.1:3000 */
  baseUrl: string;
  next: (nowMs: number) => EventIngest;
  random: Random;
  /** Events per minute at the daily peak. */
  ratePerMin: number;
  log: Logger;
  /** The simulated clock (rhythm by simulated hour; rate per simulated minute). */
  clock: SimClock;
  /** How often it decides how many events to send, ms. */
  stepMs?: number;
  /** Extra request headers (Authorization with the simulator's token). */
  headers?: Record<string, string>;
  /** Told of each event the server stored (201). */
  onStored?: (event: GridEvent) => void;
}

const MAX_ATTEMPTS = 5;

/**
 * The built-in simulator: posts generated events to the server's own HTTP API — the same path
 * as any grid-worker app — at a rate that follows the hour of day, retrying a failed post with
 * the same client id (which the server de-duplicates).
 */
export class Simulator {
  private timer: NodeJS.Timeout | null = null;
  private inFlight = new Set<Promise<void>>();
  sent = 0;
  failed = 0;

  constructor(private readonly deps: SimulatorDeps) {}

  start(): void {
    const step = this.deps.stepMs ?? 250;
    this.timer = setInterval(() => this.step(step), step);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.allSettled([...this.inFlight]);
  }

  private step(stepMs: number): void {
    const now = this.deps.clock.now();
    const hour = new Date(now + CHINA_UTC_OFFSET_MS).getUTCHours();
    const mean = (this.deps.ratePerMin * HOURLY_RHYTHM[hour] * stepMs * this.deps.clock.speed) / 60_000;
    for (let i = poisson(this.deps.random, mean); i > 0; i--) {
      // Reports carry real time (the server checks it); only rate and rhythm follow the sim clock.
      const p = this.post(this.deps.next(Date.now())).finally(() => this.inFlight.delete(p));
      this.inFlight.add(p);
    }
  }

  private async post(body: EventIngest): Promise<void> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        const res = await fetch(this.deps.baseUrl + ApiPath.events, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...this.deps.headers },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(10_000),
        });
        if (res.ok) {
          this.sent++;
          if (res.status === 201) this.deps.onStored?.(((await res.json()) as { event: GridEvent }).event);
          return;
        }
        if (res.status < 500) {
          this.failed++;
          this.deps.log.warn({ status: res.status, body: await res.text() }, 'simulator: event refused');
          return;
        }
      } catch {
        // network trouble or timeout: retry below with the same clientId
      }
      await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
    }
    this.failed++;
    this.deps.log.warn({ clientId: body.clientId }, 'simulator: gave up after retries');
  }
}
