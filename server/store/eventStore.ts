import type { GridEvent, EventTransition } from '../../shared/events/gridEvent';
import type { CountableEvent } from '../../shared/aggregates/regionCounters';
import type { Action } from '../../shared/events/eventLifecycle';
import type { Category, Severity } from '../../shared/events/categories';
import type { EventStatus } from '../../shared/events/status';

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
  deadlineMs: number;
  /** Who sent it (the ingest client's name, or a person). */
  actor: string;
  /** The reporter's contact, if given (personal data). */
  reporter: GridEvent['reporter'];
}

/** One write. A batch of them is applied in one transaction, in order, each getting the next seq. */
export type StoreCommand =
  | { type: 'create'; record: NewEventRecord }
  | {
      type: 'transition';
      eventId: string;
      action: Action;
      actor: string;
      note: string;
      unit: string | null;
      atMs: number;
      /** Optimistic check: refuse when the event is no longer in this status (someone else moved it). */
      expectedStatus?: EventStatus;
    }
  | { type: 'markOverdue'; eventId: string; atMs: number };

export type CommandOutcome =
  | { type: 'created'; event: GridEvent }
  | { type: 'duplicate'; event: GridEvent }
  | { type: 'changed'; before: GridEvent; event: GridEvent; transition: EventTransition | null }
  | { type: 'unchanged'; event: GridEvent }
  | { type: 'not_found'; eventId: string }
  | { type: 'refused'; event: GridEvent; reason: 'not_allowed' | 'stale'; message: string };

export interface EventQuery {
  /** Only events in these grids; null for all. */
  gridIds: readonly string[] | null;
  statuses?: readonly EventStatus[];
  categories?: readonly Category[];
  severities?: readonly Severity[];
  overdue?: boolean;
  /** Reported at or after / before, epoch ms. */
  fromMs?: number;
  toMs?: number;
  /** Return events with seq below this (the previous page's last seq). */
  beforeSeq?: number;
  limit: number;
}

/** A stored change as replayed to a screen that reconnects: the event's state after it. */
export interface StoredChange {
  seq: number;
  kind: 'event.created' | 'event.transition' | 'event.overdue';
  event: GridEvent;
}

/**
 * The durable store behind GridPulse. Every stored change gets the next sequence number.
 * A promise that resolves means the data is committed to disk (or to PostgreSQL).
 * Writes must come from one caller at a time (the server's write queue), so that seq order is
 * the order in which changes are applied to the counters.
 */
export interface EventStore {
  /** Human-readable kind, for logs and /api/health. */
  readonly kind: string;
  /** Creates or upgrades the schema (versioned migrations). */
  migrate(): Promise<void>;
  /** Applies a batch of commands in one transaction; returns one outcome per command, in order. */
  apply(batch: readonly StoreCommand[]): Promise<CommandOutcome[]>;
  /** The highest sequence number stored (0 when empty). */
  latestSeq(): Promise<number>;
  /**
   * Calls `visit` with the place and what the counters need of every stored event (the
   * rebuild), all from one consistent snapshot; returns how many, and the seq of the latest
   * change in that snapshot (what the counters then reflect).
   */
  forEachCountable(visit: (place: EventPlace, e: CountableEvent) => void): Promise<{ count: number; seq: number }>;
  /** Open events not yet marked overdue, for the overdue watcher: id and deadline (ms). */
  openDeadlines(): Promise<{ id: string; deadlineMs: number }[]>;
  getEvent(id: string): Promise<GridEvent | null>;
  history(id: string): Promise<EventTransition[]>;
  /** Events matching the query, newest (highest seq) first. */
  queryEvents(q: EventQuery): Promise<GridEvent[]>;
  countEvents(gridIds: readonly string[] | null): Promise<number>;
  /** Changes with seq > afterSeq, oldest first, at most `limit` (resuming screens). */
  changesSince(afterSeq: number, limit: number): Promise<StoredChange[]>;
  close(): Promise<void>;
}

/** Where an event is: the grid it was assigned to when stored, and its WGS-84 location. */
export interface EventPlace {
  gridId: string;
  lon: number;
  lat: number;
}

/** What of a stored event the counters need. */
export function toCountable(e: GridEvent): CountableEvent {
  return {
    category: e.category,
    source: e.source,
    status: e.status,
    reportedAtMs: Date.parse(e.reportedAt),
    closedAtMs: e.closedAt === null ? null : Date.parse(e.closedAt),
    deadlineMs: Date.parse(e.deadline),
    overdue: e.overdueAt !== null,
  };
}
