import type { Severity } from '../events/categories';

/** Why an alert was raised (config/alert-rules.json decides which rules are on). */
export const ALERT_KINDS = ['critical_event', 'overdue', 'spike', 'dedicated_grid'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_STATES = ['new', 'acknowledged', 'handled'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** Something that needs a human: stored, streamed, and worked new → acknowledged → handled. */
export interface Alert {
  id: string;
  /** Store sequence of its latest change. */
  seq: number;
  kind: AlertKind;
  /** The event it is about (null for a spike, which is about a region). */
  eventId: string | null;
  /** The grid of the event, or the region of a spike. */
  regionId: string;
  severity: Severity;
  /** Server-written summary; may quote user text, so render it escaped. */
  title: string;
  raisedAt: string;
  state: AlertState;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  handledBy: string | null;
  handledAt: string | null;
}
