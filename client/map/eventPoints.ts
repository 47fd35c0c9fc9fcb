import type { GridEvent } from '../../shared/events/gridEvent';
import { isFinal } from '../../shared/events/status';

/** What a dot on the map says, most pressing first: an emergency, then a missed deadline. */
export type PointKind = 'critical' | 'overdue' | 'open' | 'closed';
export const POINT_KINDS: readonly PointKind[] = ['critical', 'overdue', 'open', 'closed'];

export interface EventPoint {
  id: string;
  lon: number;
  lat: number;
  kind: PointKind;
  /** Reported moments ago: drawn pulsing. */
  fresh: boolean;
}

export interface EventPointOptions {
  /** How long a new event pulses, ms of server time. Default 15 s. */
  freshMs?: number;
  /** Most pulsing points at once (each ripple costs a redraw per frame). Default 12. */
  maxFresh?: number;
}

/** The kind of dot for an event at `nowMs`. */
export function pointKind(e: GridEvent, nowMs: number): PointKind {
  if (isFinal(e.status)) return 'closed';
  if (e.severity === 'critical') return 'critical';
  if (e.overdueAt !== null || nowMs > Date.parse(e.deadline)) return 'overdue';
  return 'open';
}

/**
 * The map's dots for the focus's recent events (the live list, newest first, already bounded).
 * `serverNowMs`: the server's clock now (this screen's clock plus the offset seen on the last
 * update), so "fresh" does not depend on the kiosk's clock being right.
 */
export function eventPoints(events: readonly GridEvent[], serverNowMs: number, o: EventPointOptions = {}): EventPoint[] {
  const freshMs = o.freshMs ?? 15_000;
  let freshLeft = o.maxFresh ?? 12;
  return events.map((e) => {
    const age = serverNowMs - Date.parse(e.receivedAt);
    const fresh = freshLeft > 0 && age >= -5_000 && age < freshMs && !isFinal(e.status);
    if (fresh) freshLeft--;
    return { id: e.id, lon: e.lon, lat: e.lat, kind: pointKind(e, serverNowMs), fresh };
  });
}
