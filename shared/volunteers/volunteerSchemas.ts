import { z } from 'zod';
import { userText } from '../text/userText';
import { ACTIVITY_TYPE_CODES } from './activityTypes';
import { ACTIVITY_ACTION_CODES, ACTIVITY_STATUSES } from './activityLifecycle';
import { clientIdField, clientTimeField, hasPlace, placeFields, placeMissing } from './placeInput';

/** A name a person typed: trimmed, not empty. */
const name = (max: number) => userText(max).pipe(z.string().trim().min(1));

/** Longest an activity may be planned to last, ms (a week-long drive is the longest seen). */
const MAX_ACTIVITY_MS = 7 * 86_400_000;

/** Body of POST /api/volunteers/teams: register a team (志愿服务队) with its community or grid. */
export const teamRegisterSchema = z
  .object({
    clientId: clientIdField,
    name: name(64),
    /** A community (12 digits) or a grid (15 digits). */
    regionId: z.string().regex(/^\d{12}(\d{3})?$/, 'a community (12 digits) or grid (15 digits) id'),
  })
  .strict();
export type TeamRegister = z.input<typeof teamRegisterSchema>;

/** Body of POST /api/volunteers: register a volunteer in a team. */
export const volunteerRegisterSchema = z
  .object({
    clientId: clientIdField,
    name: name(32),
    teamId: clientIdField,
  })
  .strict();
export type VolunteerRegister = z.input<typeof volunteerRegisterSchema>;

/** Body of POST /api/volunteers/activities: an activity a team holds in a grid. */
export const activityCreateSchema = z
  .object({
    clientId: clientIdField,
    teamId: clientIdField,
    type: z.enum(ACTIVITY_TYPE_CODES),
    title: name(100),
    description: userText(2000).default(''),
    ...placeFields,
    /** Planned start and end (ISO-8601 with offset). */
    startAt: z.iso.datetime({ offset: true }),
    endAt: z.iso.datetime({ offset: true }),
    /** Who creates it; until log-in exists the caller names itself. */
    actor: name(64).default('api'),
  })
  .strict()
  .refine(hasPlace, placeMissing)
  .refine((a) => Date.parse(a.endAt) > Date.parse(a.startAt), { path: ['endAt'], message: 'must be after startAt' })
  .refine((a) => Date.parse(a.endAt) - Date.parse(a.startAt) <= MAX_ACTIVITY_MS, { path: ['endAt'], message: 'at most 7 days after startAt' });
export type ActivityCreate = z.input<typeof activityCreateSchema>;

/** Body of POST /api/volunteers/activities/:id/check-ins. */
export const checkInSchema = z
  .object({
    /** The check-in's own id: a retried check-in is recognised by it. */
    clientId: clientIdField,
    volunteerId: clientIdField,
    /** When the volunteer arrived; now when left out. A time ahead of the server's clock counts as now. */
    at: clientTimeField,
    actor: name(64).default('api'),
  })
  .strict();
export type CheckInRequest = z.input<typeof checkInSchema>;

/** Body of POST /api/volunteers/activities/:id/check-outs. */
export const checkOutSchema = z
  .object({
    volunteerId: clientIdField,
    at: clientTimeField,
    actor: name(64).default('api'),
  })
  .strict();
export type CheckOutRequest = z.input<typeof checkOutSchema>;

/** Body of POST /api/volunteers/activities/:id/transitions: start, end or cancel it. */
export const activityTransitionSchema = z
  .object({
    action: z.enum(ACTIVITY_ACTION_CODES),
    actor: name(64),
    note: userText(2000).default(''),
    /** Resident-visits served (服务居民人次): required to end. */
    residentVisits: z.number().int().min(0).max(100_000).optional(),
    /** The status the caller saw; a different current status answers 409 instead of overwriting. */
    expectedStatus: z.enum(ACTIVITY_STATUSES).optional(),
    at: clientTimeField,
  })
  .strict()
  .refine((t) => t.action !== 'end' || t.residentVisits !== undefined, { path: ['residentVisits'], message: 'required to end an activity' });
export type ActivityTransitionRequest = z.input<typeof activityTransitionSchema>;

/** A comma-separated list in a query string, each item one of `values`. */
export const listOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)).min(1));

/** Paging shared by the list endpoints. */
export const pageFields = {
  /** From the previous page's nextCursor. */
  cursor: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
};

/** Query of GET /api/volunteers/activities. */
export const activityQuerySchema = z
  .object({
    /** A region at any level. */
    regionId: z.string().regex(/^\d{6,15}$/).optional(),
    status: listOf(ACTIVITY_STATUSES).optional(),
    type: listOf(ACTIVITY_TYPE_CODES).optional(),
    teamId: clientIdField.optional(),
    ...pageFields,
  })
  .strict();

/** Query of GET /api/volunteers/teams. */
export const teamQuerySchema = z
  .object({
    regionId: z.string().regex(/^\d{6,15}$/).optional(),
    ...pageFields,
  })
  .strict();
