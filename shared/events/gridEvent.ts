import type { Category, Severity, Source } from './categories';
import type { EventStatus } from './status';

/** A grid event as stored and as it travels to screens. Times are ISO-8601 strings (UTC). */
export interface GridEvent {
  /** The reporting client's id for it; unique, so retries do not duplicate. */
  id: string;
  /** Store sequence number of the change that created it. */
  seq: number;
  /** Store sequence number of its latest change. */
  updatedSeq: number;
  category: Category;
  severity: Severity;
  source: Source;
  /** WGS-84 (converted on ingest from the declared crs). */
  lon: number;
  lat: number;
  gridId: string;
  description: string;
  status: EventStatus;
  reportedAt: string;
  receivedAt: string;
  /** When it reached a final status (closed or rejected), if it has. */
  closedAt: string | null;
  /** By when it must be closed (config/time-limits.json). */
  deadline: string;
  /** When it was found overdue, if it has been (it stays so: a late case was late). */
  overdueAt: string | null;
  /** The department or unit it is dispatched to, if any. */
  unit: string | null;
  /**
   * Who reported it, when the reporting app says (personal data: masked on wall screens and for
   * roles that do not need it; see shared/privacy/maskPersonal.ts).
   */
  reporter: Reporter | null;
}

export interface Reporter {
  name: string | null;
  phone: string | null;
}

/** One step of an event's history: who moved it, when, from where to where, and why. */
export interface EventTransition {
  seq: number;
  eventId: string;
  action: string;
  fromStatus: EventStatus | null;
  toStatus: EventStatus;
  actor: string;
  note: string;
  unit: string | null;
  at: string;
}
