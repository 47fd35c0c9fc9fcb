import { z } from 'zod';
import { CATEGORY_CODES, SEVERITIES, SOURCE_CODES } from './categories';
import { CRS_CODES } from '../geo/crs';
import { userText } from '../text/userText';

/** Body of POST /api/events. The TypeScript type is derived from it, never written beside it. */
export const eventIngestSchema = z
  .object({
    clientId: z
      .string()
      .min(1)
      .max(128)
      .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only'),
    category: z.enum(CATEGORY_CODES),
    severity: z.enum(SEVERITIES).default('normal'),
    source: z.enum(SOURCE_CODES),
    location: z.object({
      lon: z.number().finite().min(-180).max(180),
      lat: z.number().finite().min(-90).max(90),
    }),
    crs: z.enum(CRS_CODES).default('wgs84'),
    gridId: z.string().regex(/^\d{15}$/, '15 digits').optional(),
    description: userText(2000).default(''),
    reportedAt: z.iso.datetime({ offset: true }).optional(),
    /** The resident or worker who reported it (personal data: stored, shown only to roles that need it). */
    reporter: z
      .object({
        name: userText(40).pipe(z.string().trim().min(1)).optional(),
        phone: z.string().regex(/^\+?[0-9][0-9 -]{4,19}$/, 'a phone number').optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type EventIngest = z.input<typeof eventIngestSchema>;

/** Most events in one POST /api/events/batch. */
export const MAX_EVENT_BATCH = 200;

/**
 * Body of POST /api/events/batch: several reports at once (a hotline or sensor platform
 * forwarding what it holds). Each item is checked against eventIngestSchema by the server,
 * which names the failing ones by index.
 */
export const eventBatchSchema = z.object({ events: z.array(z.unknown()).min(1).max(MAX_EVENT_BATCH) }).strict();
export type EventIngestParsed = z.output<typeof eventIngestSchema>;
