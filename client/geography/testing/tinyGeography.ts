import type { GeographyCollection, Region, RegionFeature } from '../../../shared/geo/region';

/** A unit square at (x, y) in degrees near Dongsheng, small enough to keep fixtures readable. */
function square(x: number, y: number, size: number): RegionFeature['geometry'] {
  const x0 = 109.9 + x, y0 = 39.8 + y;
  return {
    type: 'Polygon',
    coordinates: [[[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]],
  };
}

function feature(region: Region, x: number, y: number, size: number): RegionFeature {
  return { type: 'Feature', properties: region, geometry: square(x, y, size) };
}

/**
 * A four-level territory for unit tests only: 1 district, 2 streets, 3 communities, 4 grids.
 * The real demo geography is public/geo/dongsheng.geojson.
 */
export function tinyGeography(): GeographyCollection {
  return {
    type: 'FeatureCollection',
    features: [
      feature({ id: '150602', parentId: null, level: 'district', name: '东胜区' }, 0, 0, 0.2),
      feature({ id: '150602001', parentId: '150602', level: 'street', name: '交通街道' }, 0, 0, 0.1),
      feature({ id: '150602002', parentId: '150602', level: 'street', name: '公园街道' }, 0.1, 0, 0.1),
      feature({ id: '150602001001', parentId: '150602001', level: 'community', name: '曙光社区' }, 0, 0, 0.05),
      feature({ id: '150602001002', parentId: '150602001', level: 'community', name: '新园社区' }, 0.05, 0, 0.05),
      feature({ id: '150602002001', parentId: '150602002', level: 'community', name: '宝日陶亥社区' }, 0.1, 0, 0.1),
      feature({ id: '150602001001001', parentId: '150602001001', level: 'grid', name: '第一网格', kind: 'comprehensive' }, 0, 0, 0.025),
      feature({ id: '150602001001002', parentId: '150602001001', level: 'grid', name: '第二网格', kind: 'dedicated' }, 0.025, 0, 0.025),
      feature({ id: '150602001002001', parentId: '150602001002', level: 'grid', name: '第一网格', kind: 'comprehensive' }, 0.05, 0, 0.05),
      feature({ id: '150602002001001', parentId: '150602002001', level: 'grid', name: '第一网格', kind: 'comprehensive' }, 0.1, 0, 0.1),
    ],
  };
}
