import { kinks } from '@turf/turf';
import type { Geometry, Polygon, MultiPolygon, Position } from 'geojson';
import { problem, type GeoProblem, type ImportFeature } from './problem';

/**
 * Geometry rules, feature by feature: Polygon or MultiPolygon, numeric positions in WGS-84
 * degree range, rings of at least 4 positions and closed, no ring crossing itself or another.
 * Returns the problems and the features whose geometry passed, the only ones the area-based
 * rules can measure (polygon clipping of a broken ring gives nonsense or throws).
 */
export function checkRings(features: readonly ImportFeature[]): { problems: GeoProblem[]; sound: Set<ImportFeature> } {
  const problems: GeoProblem[] = [];
  const sound = new Set<ImportFeature>();
  for (const f of features) {
    if (f.geometry === null) continue; // no outline: missing-geometry, or derived from children
    const before = problems.length;
    const rings = polygonRings(f.geometry);
    if (!rings) {
      problems.push(problem('error', 'bad-geometry', [f], `geometry must be a Polygon or MultiPolygon of [lon, lat] positions, not ${describeGeometry(f.geometry)}`));
      continue;
    }
    rings.forEach((ring, r) => {
      if (ring.length < 4) problems.push(problem('error', 'short-ring', [f], `ring ${r} has ${ring.length} positions; a ring needs at least 4 (3 corners and the first again)`));
      else if (ring[0][0] !== ring[ring.length - 1][0] || ring[0][1] !== ring[ring.length - 1][1])
        problems.push(problem('error', 'unclosed-ring', [f], `ring ${r} is not closed: it starts at ${ring[0].join(',')} and ends at ${ring[ring.length - 1].join(',')}`));
      const far = ring.find(([lon, lat]) => Math.abs(lon) > 180 || Math.abs(lat) > 90);
      if (far) problems.push(problem('error', 'not-wgs84', [f], `ring ${r} has position ${far.join(',')}, outside WGS-84 degrees (projected coordinates?)`));
    });
    if (problems.length > before) continue;
    const crossings = kinks(f.geometry as Polygon | MultiPolygon).features;
    if (crossings.length > 0) {
      const at = crossings[0].geometry.coordinates.map((v) => +v.toFixed(7)).join(',');
      problems.push(problem('error', 'self-intersection', [f], `its outline crosses itself (${crossings.length} crossing${crossings.length > 1 ? 's' : ''}, first at ${at})`));
      continue;
    }
    sound.add(f);
  }
  return { problems, sound };
}

/** All rings of a Polygon or MultiPolygon whose positions are numeric pairs; null otherwise. */
function polygonRings(g: Geometry): Position[][] | null {
  const isRing = (r: unknown): r is Position[] =>
    Array.isArray(r) && r.every((p) => Array.isArray(p) && p.length >= 2 && p.every((v) => typeof v === 'number' && Number.isFinite(v)));
  const isPolygon = (p: unknown): p is Position[][] => Array.isArray(p) && p.length > 0 && p.every(isRing);
  if (g.type === 'Polygon' && isPolygon(g.coordinates)) return g.coordinates;
  if (g.type === 'MultiPolygon' && Array.isArray(g.coordinates) && g.coordinates.length > 0 && g.coordinates.every(isPolygon)) return g.coordinates.flat();
  return null;
}

function describeGeometry(g: unknown): string {
  const type = (g as { type?: unknown })?.type;
  return typeof type === 'string' ? `a ${type} (or malformed coordinates)` : JSON.stringify(g)?.slice(0, 40) ?? String(g);
}
