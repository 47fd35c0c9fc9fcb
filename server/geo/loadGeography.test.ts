import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_GEOGRAPHY, geographyPath } from './geographyPath';
import { loadGeography } from './loadGeography';

const dir = mkdtempSync(join(tmpdir(), 'gridpulse-geo-'));
const write = (name: string, text: string) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};
const square = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };

describe('loadGeography', () => {
  it('loads the demo with its hierarchy, features and grid index', () => {
    const g = loadGeography(DEMO_GEOGRAPHY);
    expect(g.hierarchy.root.id).toBe('150602');
    expect(g.gridIndex.size).toBe(g.hierarchy.byLevel('grid').length);
    expect(g.regionFeatures.size).toBe(g.collection.features.length);
    expect(g.regionFeatures.get('150602011002')?.properties.name).toBe('曙光社区');
  });

  it('names the file when it is missing', () => {
    expect(() => loadGeography(join(dir, 'nope.geojson'))).toThrow(/nope\.geojson cannot be read/);
  });

  it('names the file when it is not JSON', () => {
    const f = write('broken.geojson', '{"type": "FeatureCollection", ');
    expect(() => loadGeography(f)).toThrow(/broken\.geojson is not valid JSON/);
  });

  it('says which field is wrong when it is not a geography', () => {
    const f = write('shape.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: '1', parentId: null, level: 'city', name: 'x' }, geometry: square }] }));
    expect(() => loadGeography(f)).toThrow(/shape\.geojson is not a GridPulse geography.*features\.0\.properties\.level/);
  });

  it('names the region when the tree is broken', () => {
    const f = write('tree.geojson', JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { id: '1', parentId: null, level: 'district', name: 'd' }, geometry: square },
        { type: 'Feature', properties: { id: '2', parentId: '9', level: 'street', name: 's' }, geometry: square },
      ],
    }));
    expect(() => loadGeography(f)).toThrow(/tree\.geojson: region 2 names unknown parent 9/);
  });
});

describe('geographyPath', () => {
  it('prefers an imported geography in the data folder', () => {
    const data = mkdtempSync(join(tmpdir(), 'gridpulse-data-'));
    expect(geographyPath(data)).toBe(DEMO_GEOGRAPHY);
    writeFileSync(join(data, 'geography.geojson'), '{}');
    expect(geographyPath(data)).toBe(join(data, 'geography.geojson'));
  });
});
