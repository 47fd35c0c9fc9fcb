import type { Logger } from 'pino';
import { VolunteerApiPath } from '../../../shared/volunteers/volunteerApi';
import { ServiceCardApiPath } from '../../../shared/serviceCards/serviceCardApi';
import type { SimClock } from '../../simulator/simClock';
import type { ActivityScenario, SimAction } from './activityScenario';

export interface ActivitySimulatorDeps {
  /** Base URL of this server, e.g. http://127.0.0.1:3000 */
  baseUrl: string;
  scenario: ActivityScenario;
  clock: SimClock;
  log: Logger;
  /** Extra request headers (e.g. Authorization for an ingest token). */
  headers?: Record<string, string>;
  /** How often it looks for due actions, real ms. Default 1000. */
  stepMs?: number;
}

const MAX_ATTEMPTS = 4;
/** Registrations sent at once while setting up. */
const SETUP_CONCURRENCY = 16;

/**
 * Plays the volunteer teams, the residents, the community and the partner units: registers the
 * scenario's teams and volunteers, then posts each due action to the server's own public API —
 * the same path as any client — in time order, one after another (a check-in must follow its
 * activity). Retries a failed post with the same body (every write is idempotent by its id or
 * state); a refusal (4xx) is logged and the scenario goes on.
 */
export class ActivitySimulator {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  sent = 0;
  refused = 0;
  failed = 0;

  constructor(private readonly deps: ActivitySimulatorDeps) {}

  /** Registers teams and volunteers, then follows the simulated clock. */
  start(): void {
    this.running = this.setUp().then(() => {
      if (this.stopped) return;
      this.timer = setInterval(() => void this.tick(), this.deps.stepMs ?? 1000);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  private async setUp(): Promise<void> {
    const { teams } = this.deps.scenario;
    await this.inParallel(teams.map((t) => () => this.post(VolunteerApiPath.teams, { clientId: t.clientId, name: t.name, regionId: t.regionId })));
    const volunteers = teams.flatMap((t) => t.volunteers.map((v) => ({ ...v, teamId: t.clientId })));
    await this.inParallel(volunteers.map((v) => () => this.post(VolunteerApiPath.volunteers, v)));
    this.deps.log.info({ teams: teams.length, volunteers: volunteers.length }, 'volunteer simulator: teams and volunteers registered');
  }

  private async inParallel(jobs: (() => Promise<unknown>)[]): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < jobs.length && !this.stopped) await jobs[next++]();
    };
    await Promise.all(Array.from({ length: SETUP_CONCURRENCY }, worker));
  }

  private busy = false;

  private async tick(): Promise<void> {
    if (this.busy || this.stopped) return;
    this.busy = true;
    const run = (async () => {
      for (const a of this.deps.scenario.advance(this.deps.clock.now())) {
        if (this.stopped) return;
        await this.perform(a);
      }
    })();
    this.running = run;
    try {
      await run;
    } finally {
      this.busy = false;
    }
  }

  /** A simulated time as the real time it will be (planned start and end are real times). */
  private realTime(simMs: number): string {
    const { clock } = this.deps;
    return new Date(Date.now() + clock.realMs(simMs - clock.now())).toISOString();
  }

  private perform(a: SimAction): Promise<void> {
    const act = (id: string) => `${VolunteerApiPath.activities}/${encodeURIComponent(id)}`;
    switch (a.kind) {
      case 'activity':
        return this.post(VolunteerApiPath.activities, {
          clientId: a.clientId,
          teamId: a.teamId,
          type: a.type,
          title: a.title,
          gridId: a.gridId,
          startAt: this.realTime(a.startMs),
          endAt: this.realTime(Math.max(a.endMs, a.startMs + 60_000)),
          actor: 'simulator',
        });
      case 'checkIn':
        return this.post(`${act(a.activityId)}/check-ins`, { clientId: a.clientId, volunteerId: a.volunteerId, actor: 'simulator' });
      case 'checkOut':
        return this.post(`${act(a.activityId)}/check-outs`, { volunteerId: a.volunteerId, actor: 'simulator' });
      case 'activityTransition':
        return this.post(`${act(a.activityId)}/transitions`, {
          action: a.action,
          actor: a.actor,
          note: a.note,
          ...(a.residentVisits === undefined ? {} : { residentVisits: a.residentVisits }),
        });
      case 'order':
        return this.post(ServiceCardApiPath.orders, { clientId: a.clientId, category: a.category, gridId: a.gridId, description: a.description, actor: 'simulator' });
      case 'stage':
        return this.post(`${ServiceCardApiPath.orders}/${encodeURIComponent(a.orderId)}/stages`, {
          stage: a.stage,
          actor: a.actor,
          ...(a.partnerUnit ? { partnerUnit: a.partnerUnit } : {}),
          ...(a.rating ? { rating: a.rating } : {}),
          ...(a.comment ? { comment: a.comment } : {}),
        });
    }
  }

  private async post(path: string, body: unknown): Promise<void> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        const res = await fetch(this.deps.baseUrl + path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...this.deps.headers },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(10_000),
        });
        if (res.ok) {
          await res.body?.cancel();
          this.sent++;
          return;
        }
        if (res.status < 500) {
          this.refused++;
          this.deps.log.debug({ path, status: res.status, body: await res.text() }, 'volunteer simulator: refused');
          return;
        }
        await res.body?.cancel();
      } catch {
        // network trouble or timeout: retry below with the same body
      }
      if (this.stopped) return;
      await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
    }
    this.failed++;
    this.deps.log.warn({ path }, 'volunteer simulator: gave up after retries');
  }
}
