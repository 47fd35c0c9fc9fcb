import { readFileSync } from 'node:fs';
import { geographySchema } from '../../shared/geo/geographySchema';
import { buildHierarchy, type Hierarchy } from '../../shared/geo/hierarchy';
import type { GeographyCollection, RegionFeature } from '../../shared/geo/region';
import { createGridIndex, type GridIndex } from './gridIndex';

export interface LoadedGeography {
  collection: GeographyCollection;
  hierarchy: Hierarchy;
  gridIndex: GridIndex;
  /** Every feature of every level by region id. */
  regionFeatures: Map<string, RegionFeature>;
}

/**
 * Reads a geography file (GeoJSON, WGS-84) and builds what the server needs from it.
 * Synchronous: it runs once at start-up, before anything listens.
 * Throws an Error naming the file and the problem when the file is missing, not JSON, not a
 * geography, or its regions do not form one tree.
 */
export function loadGeography(file: string): LoadedGeography {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`geography file ${file} cannot be read: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`geography file ${file} is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = geographySchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`geography file ${file} is not a GridPulse geography (${first.join('; ')})`);
  }
  const collection = parsed.data as GeographyCollection;
  let hierarchy: Hierarchy;
  try {
    hierarchy = buildHierarchy(collection.features.map((f) => f.properties));
  } catch (e) {
    throw new Error(`geography file ${file}: ${(e as Error).message}`);
  }
  const regionFeatures = new Map(collection.features.map((f) => [f.properties.id, f]));
  const gridIndex = createGridIndex(collection.features.filter((f) => f.properties.level === 'grid'));
  return { collection, hierarchy, gridIndex, regionFeatures };
}
