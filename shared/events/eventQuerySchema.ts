import { z } from 'zod';
import { CATEGORY_CODES, SEVERITIES } from './categories';
import { STATUSES } from './status';

/** A comma-separated list in a query string, each item one of `values`. */
const listOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)).min(1));

/** Query of GET /api/events. */
export const eventQuerySchema = z
  .object({
    /** A region at any level (district, street, community or grid id). */
    regionId: z.string().regex(/^\d{6,15}$/).optional(),
    status: z.union([z.literal('open'), z.literal('final'), listOf(STATUSES)]).optional(),
    category: listOf(CATEGORY_CODES).optional(),
    severity: listOf(SEVERITIES).optional(),
    overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    /** Reported at or after / before (ISO-8601). */
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    /** From the previous page's nextCursor. */
    cursor: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();

export type EventQueryParams = z.output<typeof eventQuerySchema>;
