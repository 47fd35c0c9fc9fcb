import type { Crs } from '../../../shared/geo/crs';
import type { GeoContext } from '../../geo/geoContext';
import { convertToWgs84 } from '../../geo/convertToWgs84';
import type { FieldIssue } from './apiResult';

/** A client's time may run ahead of the server's clock by this much (phones drift), ms. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * A client-given time as epoch ms: the server's clock when left out; a time ahead of it (within
 * the skew) counts as now, so nothing stored is ever in the future; further ahead is refused.
 */
export function clientTime(iso: string | undefined, nowMs: number, field: string): { ms: number } | { issue: FieldIssue } {
  if (iso === undefined) return { ms: nowMs };
  const t = Date.parse(iso);
  if (t > nowMs + MAX_CLOCK_SKEW_MS) return { issue: { field, message: 'is in the future' } };
  return { ms: Math.min(t, nowMs) };
}

/** A place as the store keeps it. */
export interface GridPlace {
  gridId: string;
  lon: number | null;
  lat: number | null;
}

/**
 * Places a body's `gridId` or `location` (in `crs`) in a grid of the geography in force, as
 * events are placed; an issue naming the field when it is unknown or outside the district.
 */
export function placeInGrid(geo: GeoContext, p: { gridId?: string; location?: { lon: number; lat: number }; crs: Crs }): GridPlace | { issue: FieldIssue } {
  const g = geo.current;
  let lonLat: [number, number] | null = null;
  if (p.location) lonLat = convertToWgs84(p.location.lon, p.location.lat, p.crs);
  if (p.gridId !== undefined) {
    if (g.hierarchy.get(p.gridId)?.level !== 'grid') return { issue: { field: 'gridId', message: `unknown grid ${p.gridId}` } };
    return { gridId: p.gridId, lon: lonLat?.[0] ?? null, lat: lonLat?.[1] ?? null };
  }
  const [lon, lat] = lonLat!;
  const found = g.gridIndex.assign(lon, lat);
  if (found === null) return { issue: { field: 'location', message: `location ${p.location!.lon},${p.location!.lat} (${p.crs}) is outside ${g.hierarchy.root.name}` } };
  return { gridId: found, lon, lat };
}
