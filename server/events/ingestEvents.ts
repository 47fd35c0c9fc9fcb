import type { z } from 'zod';
import { eventIngestSchema } from '../../shared/events/eventIngestSchema';
import type { GridEvent } from '../../shared/events/gridEvent';
import type { CountableEvent } from '../../shared/aggregates/regionCounters';
import type { EventStore, InsertOutcome, NewEventRecord } from '../store/eventStore';
import { createGroupCommit } from '../store/groupCommit';
import type { RegionAggregates } from '../aggregates/regionAggregates';
import type { GeoContext } from '../geo/geoContext';
import { convertToWgs84 } from '../geo/convertToWgs84';

/** A report's time may run ahead of the server's clock by this much (phones drift), ms. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export interface FieldIssue {
  field: string;
  message: string;
}

export type IngestResult =
  | { kind: 'created'; event: GridEvent }
  | { kind: 'duplicate'; event: GridEvent }
  | { kind: 'invalid'; issues: FieldIssue[] }
  | { kind: 'unplaceable'; field: string; message: string };

export interface IngestDeps {
  store: EventStore;
  geo: GeoContext;
  aggregates: RegionAggregates;
  now: () => number;
  /** Called after each durable batch with the events it created, in seq order. */
  onCreated: (events: GridEvent[]) => void;
}

export function toCountable(e: GridEvent): CountableEvent {
  return {
    category: e.category,
    source: e.source,
    status: e.status,
    reportedAtMs: Date.parse(e.reportedAt),
    closedAtMs: e.closedAt === null ? null : Date.parse(e.closedAt),
  };
}

export function zodIssues(err: z.ZodError): FieldIssue[] {
  return err.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
}

/**
 * The one ingestion path for grid events, used by the HTTP API and (through it) the simulator:
 * validate → convert coordinates → assign the grid → durable group-committed write → counters.
 */
export class EventIngestion {
  private readonly commit;

  constructor(private readonly deps: IngestDeps) {
    this.commit = createGroupCommit<NewEventRecord, InsertOutcome>(async (batch) => {
      const outcomes = await deps.store.insertEvents(batch);
      const created: GridEvent[] = [];
      for (const o of outcomes) {
        if (!o.created) continue;
        deps.aggregates.apply(o.event.gridId, null, toCountable(o.event));
        created.push(o.event);
      }
      if (created.length > 0) deps.onCreated(created);
      return outcomes;
    });
  }

  /** Validates and stores one event; resolves only once it is durable (or known already). */
  async ingest(body: unknown): Promise<IngestResult> {
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

    const outcome = await this.commit.submit({
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
    });
    return outcome.created ? { kind: 'created', event: outcome.event } : { kind: 'duplicate', event: outcome.event };
  }

  /** Resolves once every accepted write has been flushed (shutdown). */
  drain(): Promise<void> {
    return this.commit.drain();
  }
}
