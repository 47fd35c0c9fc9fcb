import { z } from 'zod';
import { DEDICATED_TYPES, GRID_KINDS, LEVELS, type GeographyCollection } from './region';

const position = z.array(z.number().finite()).min(2);
const ring = z.array(position).min(4);
const geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);

/** Properties of one feature of a geography file: a Region (see region.ts). */
export const regionSchema = z.object({
  id: z.string().min(1),
  parentId: z.string().min(1).nullable(),
  level: z.enum(LEVELS),
  name: z.string().min(1),
  kind: z.enum(GRID_KINDS).optional(),
  dedicatedType: z.enum(DEDICATED_TYPES).optional(),
  population: z.number().int().nonnegative().optional(),
  households: z.number().int().nonnegative().optional(),
});

/**
 * A geography file as the server loads it (already validated by `npm run geo:import` or
 * generated). Checks shape only; the geometric rules live in server/geo/validate/.
 */
export const geographySchema = z.object({
  type: z.literal('FeatureCollection'),
  crs_name: z.literal('wgs84').optional(),
  source: z.string().optional(),
  features: z
    .array(
      z.object({
        type: z.literal('Feature'),
        id: z.union([z.string(), z.number()]).optional(),
        properties: regionSchema,
        geometry,
      }),
    )
    .min(1),
});

// The schema must accept nothing the Region-based types would reject.
export type GeographyFile = z.output<typeof geographySchema>;
const _fits: (g: GeographyFile) => GeographyCollection = (g) => g as GeographyCollection;
void _fits;
