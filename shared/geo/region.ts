import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/** The four levels of the territory, top down: 区 → 街道 → 社区 → 网格. */
export const LEVELS = ['district', 'street', 'community', 'grid'] as const;
export type Level = (typeof LEVELS)[number];

/** 综合网格 (residential) or 专属网格 (business district, campus, a work unit's compound). */
export const GRID_KINDS = ['comprehensive', 'dedicated'] as const;
export type GridKind = (typeof GRID_KINDS)[number];

/** What a dedicated grid covers (alert rules can single out some kinds, e.g. campuses). */
export const DEDICATED_TYPES = ['business_district', 'campus', 'work_unit', 'hospital'] as const;
export type DedicatedType = (typeof DEDICATED_TYPES)[number];

/**
 * One region of the hierarchy. Ids are the statistics bureau's division codes where real
 * (6-digit district, 9-digit street, 12-digit community) and community code + 3 digits for a grid.
 */
export interface Region {
  id: string;
  parentId: string | null;
  level: Level;
  name: string;
  /** Grids only. */
  kind?: GridKind;
  /** Dedicated grids only, where known. */
  dedicatedType?: DedicatedType;
  /** Residents and households, where known (grids; summed upwards). */
  population?: number;
  households?: number;
}

export type RegionGeometry = Polygon | MultiPolygon;
export type RegionFeature = Feature<RegionGeometry, Region>;
/** The geography file the server loads and the client draws: every region of every level. */
export type GeographyCollection = FeatureCollection<RegionGeometry, Region> & {
  /** Coordinate reference system of all coordinates in the file (see shared/geo/crs.ts). */
  crs_name?: string;
  /** Where the outlines came from and under what licence. */
  source?: string;
};
