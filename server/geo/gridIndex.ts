import Flatbush from 'flatbush';
import type { RegionFeature } from '../../shared/geo/region';
import { FlatPolygons } from './flatPolygons';

export interface GridIndex {
  /**
   * Id of the grid containing the point (WGS-84 degrees), or null outside every grid.
   * A point on a shared border belongs to exactly one grid: the one east of it (north of an
   * east-west border); see FlatPolygons.contains. Should grids overlap (bad data), the smallest
   * id wins, so the answer never depends on the order of the input.
   */
  assign(lon: number, lat: number): string | null;
  /** Number of grids indexed. */
  size: number;
}

/**
 * Spatial index over grid-level features: flatbush over the grids' bounding boxes picks the
 * few candidates, an exact point-in-polygon test on flat arrays decides.
 */
export function createGridIndex(features: readonly RegionFeature[]): GridIndex {
  // Sorted by id, so that "smallest candidate index" means "smallest id".
  const grids = [...features].sort((a, b) => (a.properties.id < b.properties.id ? -1 : a.properties.id > b.properties.id ? 1 : 0));
  const ids = grids.map((g) => g.properties.id);
  const polygons = new FlatPolygons(grids.map((g) => g.geometry));
  const size = grids.length;
  if (size === 0) return { assign: () => null, size };

  const index = new Flatbush(size);
  const b = polygons.boxes;
  for (let i = 0; i < size; i++) index.add(b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]);
  index.finish();

  return {
    size,
    assign(lon, lat) {
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
      let best = -1;
      for (const i of index.search(lon, lat, lon, lat)) {
        if ((best < 0 || i < best) && polygons.contains(i, lon, lat)) best = i;
      }
      return best < 0 ? null : ids[best];
    },
  };
}
