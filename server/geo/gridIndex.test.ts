import { bbox, pointOnFeature } from '@turf/turf';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Region, RegionFeature, RegionGeometry } from '../../shared/geo/region';
import { FlatPolygons } from './flatPolygons';
import { DEMO_GEOGRAPHY } from './geographyPath';
import { createGridIndex } from './gridIndex';
import { loadGeography } from './loadGeography';

const grid = (id: string, geometry: RegionGeometry): RegionFeature => ({
  type: 'Feature',
  properties: { id, parentId: 'c', level: 'grid', name: id, kind: 'comprehensive' } satisfies Region,
  geometry,
});
const square = (id: string, x: number, y: number, size = 1) =>
  grid(id, { type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] });

describe('createGridIndex on hand-made grids', () => {
  // 2 × 2 squares: sw (0..1, 0..1), se, nw, ne; they share the edges x = 1 and y = 1 and the vertex (1, 1).
  const four = [square('sw', 0, 0), square('se', 1, 0), square('nw', 0, 1), square('ne', 1, 1)];
  const index = createGridIndex(four);

  it('finds the grid around an inner point', () => {
    expect(index.size).toBe(4);
    expect(index.assign(0.5, 0.5)).toBe('sw');
    expect(index.assign(1.5, 1.5)).toBe('ne');
  });

  it('gives a point on a shared north-south edge to the grid east of it, and only that one', () => {
    expect(index.assign(1, 0.5)).toBe('se');
    expect(index.assign(1, 1.25)).toBe('ne');
  });

  it('gives a point on a shared east-west edge to the grid north of it', () => {
    expect(index.assign(0.5, 1)).toBe('nw');
    expect(index.assign(1.75, 1)).toBe('ne');
  });

  it('gives a shared vertex to exactly one grid: the north-east one', () => {
    expect(index.assign(1, 1)).toBe('ne');
    const flat = new FlatPolygons(four.map((f) => f.geometry));
    expect([0, 1, 2, 3].filter((i) => flat.contains(i, 1, 1))).toHaveLength(1);
  });

  it('gives a point on a slanted shared edge to exactly one grid, east of it', () => {
    // The unit square cut along its diagonal; (0.5, 0.5) and (0.25, 0.25) are exactly on the cut.
    const lower = grid('lower', { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] });
    const upper = grid('upper', { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [0, 1], [0, 0]]] });
    const idx = createGridIndex([upper, lower]);
    expect(idx.assign(0.5, 0.5)).toBe('lower');
    expect(idx.assign(0.25, 0.25)).toBe('lower');
    // A cut whose points are not representable: the decision is still exactly one grid.
    const a = grid('a', { type: 'Polygon', coordinates: [[[0, 0], [0.3, 0], [0.1, 0.7], [0, 0.7], [0, 0]]] });
    const b = grid('b', { type: 'Polygon', coordinates: [[[0.3, 0], [1, 0], [1, 0.7], [0.1, 0.7], [0.3, 0]]] });
    const flat = new FlatPolygons([a.geometry, b.geometry]);
    for (let t = 0; t <= 1; t += 1 / 64) {
      const [x, y] = [0.3 + (0.1 - 0.3) * t, 0.7 * t];
      expect([0, 1].filter((i) => flat.contains(i, x, y)).length, `t=${t}`).toBe(t < 1 ? 1 : 0);
    }
  });

  it('puts points on the outer border east and north in, west and south out', () => {
    expect(index.assign(0, 0.5)).toBe('sw');
    expect(index.assign(2, 0.5)).toBeNull();
    expect(index.assign(0.5, 0)).toBe('sw');
    expect(index.assign(0.5, 2)).toBeNull();
  });

  it('returns null outside every grid and for non-numbers', () => {
    expect(index.assign(5, 5)).toBeNull();
    expect(index.assign(-0.001, 0.5)).toBeNull();
    expect(index.assign(Number.NaN, 0.5)).toBeNull();
  });

  it('handles holes and multi-part grids', () => {
    const holed = grid('holed', { type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [1, 3], [3, 3], [3, 1], [1, 1]]] });
    const island = square('island', 1, 1, 2);
    const twoParts = grid('parts', {
      type: 'MultiPolygon',
      coordinates: [[[[10, 0], [11, 0], [11, 1], [10, 1], [10, 0]]], [[[12, 0], [13, 0], [13, 1], [12, 1], [12, 0]]]],
    });
    const idx = createGridIndex([holed, island, twoParts]);
    expect(idx.assign(0.5, 0.5)).toBe('holed');
    expect(idx.assign(2, 2)).toBe('island');
    expect(idx.assign(10.5, 0.5)).toBe('parts');
    expect(idx.assign(12.5, 0.5)).toBe('parts');
    expect(idx.assign(11.5, 0.5)).toBeNull();
  });

  it('settles overlapping grids (bad data) on the smallest id, whatever the input order', () => {
    const a = square('200', 0, 0, 2);
    const b = square('100', 1, 1, 2);
    expect(createGridIndex([a, b]).assign(1.5, 1.5)).toBe('100');
    expect(createGridIndex([b, a]).assign(1.5, 1.5)).toBe('100');
  });

  it('is empty when given nothing', () => {
    expect(createGridIndex([]).assign(0, 0)).toBeNull();
  });
});

describe('createGridIndex on the demo geography', () => {
  const geo = loadGeography(DEMO_GEOGRAPHY);
  const grids = geo.hierarchy.byLevel('grid').map((g) => geo.regionFeatures.get(g.id)!);

  it('assigns a point inside every grid to that grid', () => {
    for (const g of grids) {
      const [lon, lat] = pointOnFeature(g).geometry.coordinates;
      expect(geo.gridIndex.assign(lon, lat), g.properties.id).toBe(g.properties.id);
    }
  });

  it('returns null outside the district', () => {
    const [minX, minY, maxX, maxY] = bbox(geo.regionFeatures.get(geo.hierarchy.root.id)!);
    for (const [lon, lat] of [[minX - 0.01, minY], [maxX + 0.01, maxY], [minX - 1e-6, (minY + maxY) / 2], [(minX + maxX) / 2, maxY + 1e-6], [116.4, 39.9], [0, 0]])
      expect(geo.gridIndex.assign(lon, lat)).toBeNull();
    // The bounding box corners lie outside the irregular outline.
    expect(geo.gridIndex.assign(minX, minY)).toBeNull();
  });

  it('gives every inner grid vertex and every shared edge midpoint to exactly one grid', () => {
    const flat = new FlatPolygons(grids.map((g) => g.geometry));
    const outline = new Set(((geo.regionFeatures.get(geo.hierarchy.root.id)!.geometry.coordinates as Position[][])[0]).map((p) => `${p[0]},${p[1]}`));
    let checked = 0;
    for (const g of grids) {
      const ring = (g.geometry.coordinates as Position[][])[0];
      for (let k = 0; k + 1 < ring.length; k++) {
        const [a, b] = [ring[k], ring[k + 1]];
        const mid: Position = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
        for (const p of [a, mid]) {
          if (outline.has(`${a[0]},${a[1]}`) || outline.has(`${b[0]},${b[1]}`)) continue;
          const owners = grids.map((_, i) => i).filter((i) => flat.contains(i, p[0], p[1]));
          expect(owners, `${g.properties.id} at ${p}`).toHaveLength(1);
          expect(geo.gridIndex.assign(p[0], p[1])).toBe(grids[owners[0]].properties.id);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(3000);
  });
});
