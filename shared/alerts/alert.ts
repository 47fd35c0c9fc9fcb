import type { Category, Severity } from '../events/categories';

/** Why an alert was raised (config/alert-rules.json decides which rules are on). */
export const ALERT_KINDS = ['critical_event', 'overdue', 'spike', 'dedicated_grid'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_STATES = ['new', 'acknowledged', 'handled'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** Who handles an alert when its event reaches a final status (closed or rejected) first. */
export const ALERT_SYSTEM_ACTOR = 'system';

/** Something that needs a human: stored, streamed, and worked new → acknowledged → handled. */
export interface Alert {
  id: string;
  /** The alert store's sequence number of its latest change (its own sequence, not the events'). */
  seq: number;
  kind: AlertKind;
  /** The event it is about (null for a spike, which is about a region). */
  eventId: string | null;
  /** The grid of the event, or the region of a spike. */
  regionId: string;
  severity: Severity;
  /** Server-written summary in Chinese; may quote user text, so render it escaped. */
  title: string;
  /** Structured facts behind the title, for screens that word it in another language. */
  detail: { category?: Category; count?: number; usual?: number };
  raisedAt: string;
  state: AlertState;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  handledBy: string | null;
  handledAt: string | null;
}
