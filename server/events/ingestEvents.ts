import type { z } from 'zod';
import { eventIngestSchema } from '../../shared/events/eventIngestSchema';
import type { GridEvent } from '../../shared/events/gridEvent';
import { deadlineMs, type TimeLimits } from '../../shared/events/timeLimits';
import type { GeoContext } from '../geo/geoContext';
import { convertToWgs84 } from '../geo/convertToWgs84';
import type { EventWriter } from './eventWriter';
import type { StoreCommand } from '../store/eventStore';

/** A report's time may run ahead of the server's clock by this much (phones drift), ms. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export interface FieldIssue {
  field: string;
  message: string;
}

type StoredResult = { kind: 'created'; event: GridEvent } | { kind: 'duplicate'; event: GridEvent };
type IngestProblem =
  | { kind: 'invalid'; issues: FieldIssue[] }
  | { kind: 'unplaceable'; field: string; message: string }
  | { kind: 'out_of_scope'; message: string };
export type IngestResult = StoredResult | IngestProblem;
export type BatchIngestResult =
  | { kind: 'stored'; results: StoredResult[] }
  /** Nothing stored: what is wrong with which events (by index in the batch). */
  | { kind: 'refused'; problems: (IngestProblem & { index: number })[] };
type CreateCommand = Extract<StoreCommand, { type: 'create' }>;

export interface IngestDeps {
  writer: EventWriter;
  geo: GeoContext;
  limits: TimeLimits;
  now: () => number;
  /** Told of each newly created event (the overdue watcher). */
  onCreated?: (e: GridEvent) => void;
}

export function zodIssues(err: z.ZodError): FieldIssue[] {
  return err.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
}

/**
 * The one ingestion path for grid events, used by the HTTP API and (through it) the simulator:
 * validate → convert coordinates → assign the grid → set the deadline → durable write.
 */
export class EventIngestion {
  constructor(private readonly deps: IngestDeps) {}

  /** Validates and stores one event; resolves only once it is durable (or known already). */
  async ingest(body: unknown, actor: string, scopeRegionId: string | null = null): Promise<IngestResult> {
    const prepared = this.prepare(body, actor, scopeRegionId);
    return prepared.kind === 'ready' ? this.store(prepared.command) : prepared;
  }

  /**
   * Stores a batch of events at once (MAX_EVENT_BATCH at most, checked by the route), all or nothing at the door: if any is invalid, out of
   * the district or out of scope, nothing is stored and every problem is named by its index.
   * Otherwise each is stored as `ingest` would (idempotent by clientId), all in the same group
   * commits, and it resolves once every one is durable.
   */
  async ingestBatch(bodies: readonly unknown[], actor: string, scopeRegionId: string | null = null): Promise<BatchIngestResult> {
    const prepared = bodies.map((b) => this.prepare(b, actor, scopeRegionId));
    const problems = prepared.flatMap((p, index) => (p.kind === 'ready' ? [] : [{ index, ...p }]));
    if (problems.length > 0) return { kind: 'refused', problems };
    const results = await Promise.all(prepared.map((p) => this.store((p as { command: CreateCommand }).command)));
    return { kind: 'stored', results: results as StoredResult[] };
  }

  /** Everything short of the write: validate → convert coordinates → assign the grid → deadline. */
  private prepare(body: unknown, actor: string, scopeRegionId: string | null): { kind: 'ready'; command: CreateCommand } | IngestProblem {
    const parsed = eventIngestSchema.safeParse(body);
    if (!parsed.success) return { kind: 'invalid', issues: zodIssues(parsed.error) };
    const p = parsed.data;
    const now = this.deps.now();
    const reportedAtMs = p.reportedAt ? Date.parse(p.reportedAt) : now;
    if (reportedAtMs > now + MAX_CLOCK_SKEW_MS)
      return { kind: 'invalid', issues: [{ field: 'reportedAt', message: 'is in the future' }] };

    const [lon, lat] = convertToWgs84(p.location.lon, p.location.lat, p.crs);
    const geo = this.deps.geo.current;
    let gridId: string;
    if (p.gridId !== undefined) {
      if (geo.hierarchy.get(p.gridId)?.level !== 'grid')
        return { kind: 'unplaceable', field: 'gridId', message: `unknown grid ${p.gridId}` };
      gridId = p.gridId;
    } else {
      const found = geo.gridIndex.assign(lon, lat);
      if (found === null)
        return {
          kind: 'unplaceable',
          field: 'location',
          message: `location ${p.location.lon},${p.location.lat} (${p.crs}) is outside ${geo.hierarchy.root.name}`,
        };
      gridId = found;
    }

    if (scopeRegionId !== null && !geo.hierarchy.path(gridId).includes(scopeRegionId))
      return { kind: 'out_of_scope', message: `grid ${gridId} is outside this client's scope (${scopeRegionId})` };

    return {
      kind: 'ready',
      command: {
        type: 'create',
        record: {
          id: p.clientId,
          category: p.category,
          severity: p.severity,
          source: p.source,
          lon,
          lat,
          gridId,
          description: p.description,
          reportedAtMs,
          receivedAtMs: now,
          deadlineMs: deadlineMs(this.deps.limits, p.category, p.severity, reportedAtMs),
          actor,
          reporter: p.reporter ? { name: p.reporter.name ?? null, phone: p.reporter.phone ?? null } : null,
        },
      },
    };
  }

  private async store(command: CreateCommand): Promise<StoredResult> {
    const outcome = await this.deps.writer.submit(command);
    if (outcome.type === 'created') {
      this.deps.onCreated?.(outcome.event);
      return { kind: 'created', event: outcome.event };
    }
    if (outcome.type === 'duplicate') return { kind: 'duplicate', event: outcome.event };
    throw new Error(`unexpected store outcome ${outcome.type} for a create`);
  }
}
