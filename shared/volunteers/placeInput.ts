import { z } from 'zod';
import { CRS_CODES } from '../geo/crs';

/**
 * Where something happens, as a client may give it: a grid id, or a location in a declared
 * coordinate system (assigned to its grid by the server, as events are), or both (the grid id
 * wins). Used by volunteer activities and service-card orders alike.
 */
export const placeFields = {
  gridId: z.string().regex(/^\d{15}$/, '15 digits').optional(),
  location: z
    .object({
      lon: z.number().finite().min(-180).max(180),
      lat: z.number().finite().min(-90).max(90),
    })
    .strict()
    .optional(),
  crs: z.enum(CRS_CODES).default('wgs84'),
};

/** Refinement: a place needs a grid id or a location. */
export const hasPlace = (p: { gridId?: string; location?: unknown }) => p.gridId !== undefined || p.location !== undefined;
export const placeMissing = { path: ['gridId'], message: 'give gridId or location' };

/** A client's id for what it creates: retries with the same id never store twice. */
export const clientIdField = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only');

/** A time a client may give (ISO-8601 with offset); the server's clock when left out. */
export const clientTimeField = z.iso.datetime({ offset: true }).optional();
