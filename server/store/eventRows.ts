import type { EventTransition, GridEvent } from '../../shared/events/gridEvent';
import type { EventStatus } from '../../shared/events/status';

/**
 * An event and a transition as both stores read them back: snake_case columns, times as epoch
 * milliseconds (the PostgreSQL store selects its timestamptz columns that way). One conversion
 * to the wire types, so the two stores cannot answer differently.
 */
export interface EventRow {
  id: string;
  seq: number;
  updated_seq: number;
  category: string;
  severity: string;
  source: string;
  lon: number;
  lat: number;
  grid_id: string;
  description: string;
  status: string;
  reported_at: number;
  received_at: number;
  closed_at: number | null;
  deadline_at: number;
  overdue_at: number | null;
  unit: string | null;
  reporter_name: string | null;
  reporter_phone: string | null;
}

export interface TransitionRow {
  seq: number;
  event_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  actor: string;
  note: string;
  unit: string | null;
  at: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export function toEvent(r: EventRow): GridEvent {
  return {
    id: r.id,
    seq: r.seq,
    updatedSeq: r.updated_seq,
    category: r.category as GridEvent['category'],
    severity: r.severity as GridEvent['severity'],
    source: r.source as GridEvent['source'],
    lon: r.lon,
    lat: r.lat,
    gridId: r.grid_id,
    description: r.description,
    status: r.status as GridEvent['status'],
    reportedAt: iso(r.reported_at),
    receivedAt: iso(r.received_at),
    closedAt: isoOrNull(r.closed_at),
    deadline: iso(r.deadline_at),
    overdueAt: isoOrNull(r.overdue_at),
    unit: r.unit,
    reporter: r.reporter_name === null && r.reporter_phone === null ? null : { name: r.reporter_name, phone: r.reporter_phone },
  };
}

export function toTransition(r: TransitionRow): EventTransition {
  return {
    seq: r.seq,
    eventId: r.event_id,
    action: r.action,
    fromStatus: r.from_status as EventStatus | null,
    toStatus: r.to_status as EventStatus,
    actor: r.actor,
    note: r.note,
    unit: r.unit,
    at: iso(r.at),
  };
}
