import { z } from 'zod';
import type { Alert } from '../../shared/alerts/alert';
import { ALERT_KINDS, ALERT_STATES } from '../../shared/alerts/alert';
import type { Category, Source } from '../../shared/events/categories';
import { SEVERITIES } from '../../shared/events/categories';
import type { EventTransition, GridEvent } from '../../shared/events/gridEvent';
import { STATUSES } from '../../shared/events/status';

/**
 * Runtime checks of what the console reads over REST, typed as the shared interfaces. Codes the
 * console only displays (category, source) are let through as they come — a code newer than this
 * page is shown raw rather than failing the whole list; codes it reasons about (status, state,
 * severity, kind) must be known.
 */
const iso = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO-8601 time');
const displayCode = <T extends string>() => z.custom<T>((v) => typeof v === 'string' && v.length > 0, 'a code');

export const gridEventSchema: z.ZodType<GridEvent> = z.object({
  id: z.string(),
  seq: z.number(),
  updatedSeq: z.number(),
  category: displayCode<Category>(),
  severity: z.enum(SEVERITIES),
  source: displayCode<Source>(),
  lon: z.number(),
  lat: z.number(),
  gridId: z.string(),
  description: z.string(),
  status: z.enum(STATUSES),
  reportedAt: iso,
  receivedAt: iso,
  closedAt: iso.nullable(),
  deadline: iso,
  overdueAt: iso.nullable(),
  unit: z.string().nullable(),
  reporter: z.object({ name: z.string().nullable(), phone: z.string().nullable() }).nullable(),
});

export const transitionRecordSchema: z.ZodType<EventTransition> = z.object({
  seq: z.number(),
  eventId: z.string(),
  action: z.string(),
  fromStatus: z.enum(STATUSES).nullable(),
  toStatus: z.enum(STATUSES),
  actor: z.string(),
  note: z.string(),
  unit: z.string().nullable(),
  at: iso,
});

export const alertSchema: z.ZodType<Alert> = z.object({
  id: z.string(),
  seq: z.number(),
  kind: z.enum(ALERT_KINDS),
  eventId: z.string().nullable(),
  regionId: z.string(),
  severity: z.enum(SEVERITIES),
  title: z.string(),
  detail: z.object({ category: displayCode<Category>().optional(), count: z.number().optional(), usual: z.number().optional() }),
  raisedAt: iso,
  state: z.enum(ALERT_STATES),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: iso.nullable(),
  handledBy: z.string().nullable(),
  handledAt: iso.nullable(),
});

/** GET /api/alerts */
export const alertListSchema = z.object({ alerts: z.array(alertSchema), nextCursor: z.string().nullable() });
/** GET /api/events */
export const eventListSchema = z.object({ events: z.array(gridEventSchema), nextCursor: z.string().nullable() });
/** GET /api/events/:id */
export const eventDetailSchema = z.object({ event: gridEventSchema, history: z.array(transitionRecordSchema) });
/** POST /api/events/:id/transitions (200) */
export const transitionAnswerSchema = z.object({ event: gridEventSchema, transition: transitionRecordSchema });
/** POST /api/alerts/:id/actions (200) */
export const alertAnswerSchema = z.object({ alert: alertSchema });

/** The body of a 409 from a transition: what the event is now and what it allows. */
export const transitionConflictSchema = z.object({
  error: z.string(),
  message: z.string(),
  status: z.enum(STATUSES).optional(),
  allowed: z.array(z.string()).optional(),
  event: gridEventSchema.optional(),
});
/** The body of a 409 from an alert action: the alert as it is now (who acted first). */
export const alertConflictSchema = z.object({ error: z.string(), message: z.string(), alert: alertSchema.optional() });
