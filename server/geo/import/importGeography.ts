import type { Geometry, Position } from 'geojson';
import type { Crs } from '../../../shared/geo/crs';
import { LEVELS, type GeographyCollection, type GridKind, type Region, type RegionFeature, type RegionGeometry } from '../../../shared/geo/region';
import { convertToWgs84 } from '../convertToWgs84';
import { featureId, featureParentId, DEFAULT_TOLERANCES, type GeoProblem, type ImportFeature, type Tolerances } from '../validate/problem';
import { validateGeography } from '../validate/validateGeography';
import { deriveParents } from './deriveParents';
import { readGeoFiles } from './readGeoFiles';

export interface ImportOptions {
  /** Give parents without geometry the union of their children. */
  deriveParents?: boolean;
  tolerances?: Tolerances;
  /** System the input coordinates are in; converted to WGS-84 (gcoord) before validation. */
  crs?: Crs;
}

export interface ImportResult {
  /** Every problem found, errors and warnings. */
  problems: GeoProblem[];
  /** The geography to write; null when there is any error. */
  collection: GeographyCollection | null;
}

/** `npm run geo:import` without the console: read, optionally derive parents, validate, assemble. */
export function importGeography(paths: readonly string[], options: ImportOptions = {}): ImportResult {
  const crs = options.crs ?? 'wgs84';
  const read = readGeoFiles(paths, crs);
  let features = crs === 'wgs84' ? read.features : read.features.map((f) => ({ ...f, geometry: toWgs84(f.geometry, crs) }));
  const problems = [...read.problems];
  if (options.deriveParents) {
    const derived = deriveParents(features);
    features = derived.features;
    problems.push(...derived.problems);
  }
  problems.push(...validateGeography(features, options.tolerances ?? DEFAULT_TOLERANCES));
  const ok = !problems.some((p) => p.severity === 'error');
  const source = `imported with npm run geo:import from ${[...new Set(read.features.map((f) => f.file))].join(', ')}`;
  return { problems, collection: ok ? assemble(features, source) : null };
}

/** Valid features as a GeographyCollection: Region properties only, sorted by level then id. */
function assemble(features: readonly ImportFeature[], source: string): GeographyCollection {
  const regions = features.map((f): RegionFeature => {
    const p = f.properties;
    const region: Region = { id: featureId(f)!, parentId: featureParentId(f) ?? null, level: f.level!, name: String(p.name).trim() };
    if (f.level === 'grid') region.kind = p.kind as GridKind;
    if (typeof p.population === 'number') region.population = p.population;
    if (typeof p.households === 'number') region.households = p.households;
    return { type: 'Feature', id: region.id, properties: region, geometry: f.geometry as RegionGeometry };
  });
  sumUpwards(regions.map((r) => r.properties));
  regions.sort((a, b) => LEVELS.indexOf(a.properties.level) - LEVELS.indexOf(b.properties.level) || (a.properties.id < b.properties.id ? -1 : 1));
  return { type: 'FeatureCollection', crs_name: 'wgs84', source, features: regions };
}

/** Fills a parent's population/households from its children where the parent lacks them and all children have them. */
function sumUpwards(regions: Region[]): void {
  for (const level of ['community', 'street', 'district'] as const) {
    for (const r of regions.filter((x) => x.level === level)) {
      const kids = regions.filter((k) => k.parentId === r.id);
      for (const key of ['population', 'households'] as const)
        if (r[key] === undefined && kids.length > 0 && kids.every((k) => k[key] !== undefined)) r[key] = kids.reduce((s, k) => s + k[key]!, 0);
    }
  }
}

function toWgs84(g: Geometry | null, crs: Crs): Geometry | null {
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return g;
  const ring = (r: Position[]) => r.map((p) => (Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number' ? convertToWgs84(p[0], p[1], crs) : p));
  return g.type === 'Polygon' ? { ...g, coordinates: g.coordinates.map(ring) } : { ...g, coordinates: g.coordinates.map((poly) => poly.map(ring)) };
}
