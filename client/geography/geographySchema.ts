import { z } from 'zod';
import { GRID_KINDS, LEVELS } from '../../shared/geo/region';
import type { GeographyCollection } from '../../shared/geo/region';

const position = z.array(z.number()).min(2);
const polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position)) });
const multiPolygon = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(position))) });

const region = z.object({
  id: z.string().min(1),
  parentId: z.string().min(1).nullable(),
  level: z.enum(LEVELS),
  name: z.string(),
  kind: z.enum(GRID_KINDS).optional(),
  population: z.number().optional(),
  households: z.number().optional(),
});

/**
 * What GET /api/geography must look like before the wall draws it. Loose on extra members
 * (crs_name, source, foreign members) so the file can grow without breaking screens.
 */
export const geographySchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry: z.union([polygon, multiPolygon]),
      properties: region,
    }),
  ),
});

/** Validates a parsed geography; throws an Error naming the first offending path. */
export function parseGeography(json: unknown): GeographyCollection {
  const r = geographySchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`geography: ${issue.path.join('.')}: ${issue.message}`);
  }
  return json as GeographyCollection;
}
