import type { RegionGeometry } from '../../shared/geo/region';

/**
 * ECharts `boundingCoords` of a geometry: [[west, north], [east, south]] in degrees. Giving the
 * outline underlay and the children map the same box keeps the two exactly on top of each other.
 */
export function boundingCoords(geometry: RegionGeometry): [[number, number], [number, number]] {
  let w = Infinity, e = -Infinity, s = Infinity, n = -Infinity;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const poly of polygons)
    for (const ring of poly)
      for (const [x, y] of ring) {
        if (x < w) w = x;
        if (x > e) e = x;
        if (y < s) s = y;
        if (y > n) n = y;
      }
  return [[w, n], [e, s]];
}
