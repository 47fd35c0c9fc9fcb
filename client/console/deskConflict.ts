import type { Alert, AlertState } from '../../shared/alerts/alert';
import type { EventTransition } from '../../shared/events/gridEvent';
import type { EventStatus } from '../../shared/events/status';

/**
 * Someone acted first: what the officer is told instead of a silent overwrite — who did what and
 * when, what the thing is now, and what they had seen. Worded by the page (conflictText).
 */
export type DeskConflict =
  | {
      kind: 'event';
      /** The person whose move put the event where it is now, when the history says. */
      by: string | null;
      /** ISO time of that move. */
      at: string | null;
      /** That move's action code (accept, dispatch, …). */
      action: string | null;
      now: EventStatus;
      saw: EventStatus;
    }
  | { kind: 'alert'; by: string | null; at: string | null; now: AlertState; saw: AlertState };

/**
 * A refused transition (409) explained from the event's status now and its history: the last
 * move into the current status is the one that beat ours.
 */
export function eventConflict(now: EventStatus, saw: EventStatus, history: readonly EventTransition[] | null): DeskConflict {
  const last = history ? [...history].reverse().find((h) => h.toStatus === now) : undefined;
  return { kind: 'event', by: last?.actor ?? null, at: last?.at ?? null, action: last?.action ?? null, now, saw };
}

/** A refused alert action (409) explained from the alert as the server holds it now. */
export function alertConflict(now: Alert, saw: AlertState): DeskConflict {
  const handled = now.state === 'handled';
  return {
    kind: 'alert',
    by: (handled ? now.handledBy : now.acknowledgedBy) ?? null,
    at: (handled ? now.handledAt : now.acknowledgedAt) ?? null,
    now: now.state,
    saw,
  };
}
