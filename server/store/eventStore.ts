import type { GridEvent } from '../../shared/events/gridEvent';
import type { CountableEvent } from '../../shared/aggregates/regionCounters';

/** An event ready to store: validated, converted to WGS-84, assigned to its grid. Times in epoch ms. */
export interface NewEventRecord {
  id: string;
  category: GridEvent['category'];
  severity: GridEvent['severity'];
  source: GridEvent['source'];
  lon: number;
  lat: number;
  gridId: string;
  description: string;
  reportedAtMs: number;
  receivedAtMs: number;
}

/** What storing one event did: created it (with its new seq), or found it stored already. */
export interface InsertOutcome {
  created: boolean;
  event: GridEvent;
}

export interface RecentEventsQuery {
  /** Only events in these grids; null for all. */
  gridIds: readonly string[] | null;
  limit: number;
}

/**
 * The durable store behind GridPulse. Every stored change gets the next sequence number.
 * A promise that resolves means the data is on disk (or committed in PostgreSQL).
 */
export interface EventStore {
  /** Human-readable kind, for logs and /api/health. */
  readonly kind: string;
  /** Creates or upgrades the schema (versioned migrations). */
  migrate(): Promise<void>;
  /** Stores a batch in one transaction; an id already stored is returned as is, not stored twice. */
  insertEvents(batch: readonly NewEventRecord[]): Promise<InsertOutcome[]>;
  /** The highest sequence number stored (0 when empty). */
  latestSeq(): Promise<number>;
  /** Calls `visit` with what the counters need of every stored event (restart rebuild); returns the count. */
  forEachCountable(visit: (gridId: string, e: CountableEvent) => void): Promise<number>;
  recentEvents(q: RecentEventsQuery): Promise<GridEvent[]>;
  countEvents(gridIds: readonly string[] | null): Promise<number>;
  close(): Promise<void>;
}
