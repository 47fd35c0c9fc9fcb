import gcoord, { type CRSTypes } from 'gcoord';
import type { Crs } from '../../shared/geo/crs';

const FROM: Record<Crs, CRSTypes> = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 };

/**
 * A point in the declared system, as [lon, lat] WGS-84 degrees. Input in degrees.
 * gcoord does the work: the GCJ-02 offset is a published obfuscation with no closed inverse,
 * and hand-rolled copies of it drift. Accuracy of the GCJ-02/BD-09 inverse: about 1–2 m.
 */
export function convertToWgs84(lon: number, lat: number, crs: Crs): [number, number] {
  if (crs === 'wgs84') return [lon, lat];
  const [x, y] = gcoord.transform([lon, lat], FROM[crs], gcoord.WGS84) as [number, number];
  return [x, y];
}
