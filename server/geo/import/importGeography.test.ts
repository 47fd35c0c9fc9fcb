import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { formatGeography } from '../../../scripts/geography/formatGeography';
import { DEMO_GEOGRAPHY } from '../geographyPath';
import { loadGeography } from '../loadGeography';
import { importGeography } from './importGeography';

const fixture = (name: string) => fileURLToPath(new URL(`../../../tests/fixtures/geo/${name}`, import.meta.url));

// One fixture per kind of error; each must be refused with a message naming the offending feature.
const CASES: { file: string; rule: string; names: string[] }[] = [
  { file: 'missing-id.geojson', rule: 'missing-id', names: ['(no id)', '吉劳庆社区·万达商圈专属网格', 'missing-id.geojson features[6]'] },
  { file: 'duplicate-id.geojson', rule: 'duplicate-id', names: ['150602002001001', '育才社区第2网格', 'features[8]', 'features[7]'] },
  { file: 'unknown-parent.geojson', rule: 'unknown-parent', names: ['150602002001002', '育才社区第2网格', '150602002009'] },
  { file: 'wrong-nesting.geojson', rule: 'wrong-nesting', names: ['grid 150602002001002', '育才社区第2网格', '150602002 is a street'] },
  { file: 'unclosed-ring.geojson', rule: 'unclosed-ring', names: ['150602001001001', '吉劳庆社区第1网格'] },
  { file: 'self-intersecting.geojson', rule: 'self-intersection', names: ['150602001001002', '吉劳庆社区·万达商圈专属网格'] },
  { file: 'outside-parent.geojson', rule: 'outside-parent', names: ['150602002001002', '育才社区第2网格', '33.3 %', '150602002001'] },
  { file: 'sibling-overlap.geojson', rule: 'sibling-overlap', names: ['150602002001001', '育才社区第1网格', '150602002001002', '50.0 %'] },
  { file: 'cover-gap.geojson', rule: 'cover-gap', names: ['community 150602002001', '育才社区', '10.0 %'] },
  { file: 'empty-name.geojson', rule: 'empty-name', names: ['grid 150602001001001', 'empty-name.geojson features[5]'] },
  { file: 'invalid-kind.geojson', rule: 'invalid-kind', names: ['150602002001001', '育才社区第1网格', '"residential"'] },
];

describe('importGeography refuses each kind of broken input, naming the feature', () => {
  for (const c of CASES) {
    it(`${c.file} → ${c.rule}`, () => {
      const result = importGeography([fixture(c.file)]);
      expect(result.collection).toBeNull();
      const found = result.problems.filter((p) => p.rule === c.rule && p.severity === 'error');
      expect(found, JSON.stringify(result.problems.map((p) => p.message))).toHaveLength(1);
      for (const name of c.names) expect(found[0].message).toContain(name);
      expect(found[0].message).toContain(c.file);
    });
  }

  it('lists every problem of a file with several, not just the first', () => {
    const result = importGeography([fixture('many-errors.geojson')]);
    expect(result.collection).toBeNull();
    const rules = result.problems.map((p) => p.rule);
    for (const rule of ['empty-name', 'invalid-kind', 'unknown-parent', 'outside-parent']) expect(rules).toContain(rule);
  });
});

describe('importGeography accepts good input', () => {
  it('passes the shipped demo with no error and no warning', () => {
    const result = importGeography([DEMO_GEOGRAPHY]);
    expect(result.problems.map((p) => p.message)).toEqual([]);
    expect(result.collection?.features).toHaveLength(loadGeography(DEMO_GEOGRAPHY).collection.features.length);
  });

  it('passes the valid fixture, and what it writes loads', () => {
    const result = importGeography([fixture('valid.geojson')]);
    expect(result.problems).toEqual([]);
    const out = join(mkdtempSync(join(tmpdir(), 'gridpulse-import-')), 'geography.geojson');
    writeFileSync(out, formatGeography(result.collection!));
    const loaded = loadGeography(out);
    expect(loaded.gridIndex.assign(109.905, 39.81)).toBe('150602001001001');
    expect(loaded.collection.crs_name).toBe('wgs84');
  });

  it('reports an overlap below the tolerance as a warning and still writes', () => {
    const result = importGeography([fixture('small-overlap.geojson')]);
    expect(result.collection).not.toBeNull();
    expect(result.problems.map((p) => [p.severity, p.rule])).toEqual([['warning', 'sibling-overlap']]);
  });

  it('turns the same overlap into an error under a tighter tolerance', () => {
    const result = importGeography([fixture('small-overlap.geojson')], { tolerances: { outside: 0.01, overlap: 0.001, gap: 0.01 } });
    expect(result.collection).toBeNull();
    expect(result.problems.map((p) => [p.severity, p.rule])).toEqual([['error', 'sibling-overlap']]);
  });

  it('reads one file per level from a folder, taking the level from the file name', () => {
    const result = importGeography([fixture('per-level')]);
    expect(result.problems).toEqual([]);
    expect(result.collection!.features.map((f) => f.properties.level)).toEqual(['district', 'street', 'street', 'community', 'community', 'grid', 'grid', 'grid', 'grid']);
  });

  it('converts GCJ-02 input to WGS-84', () => {
    const wgs = importGeography([fixture('valid.geojson')]).collection!;
    const gcj = importGeography([fixture('valid.geojson')], { crs: 'gcj02' }).collection!;
    const [a, b] = [wgs, gcj].map((g) => (g.features[0].geometry.coordinates as number[][][])[0][0]);
    const metres = Math.hypot((a[0] - b[0]) * 85_500, (a[1] - b[1]) * 110_600);
    expect(metres).toBeGreaterThan(100);
    expect(metres).toBeLessThan(1000);
  });
});

describe('importGeography --derive-parents', () => {
  it('without the flag, parents without geometry are errors', () => {
    const result = importGeography([fixture('derive')]);
    expect(result.collection).toBeNull();
    expect(result.problems.filter((p) => p.rule === 'missing-geometry').map((p) => p.message.split(' ')[1])).toEqual(['150602', '150602001', '150602002', '150602001001', '150602002001']);
  });

  it('derives every parent as the union of its children, with summed population', () => {
    const result = importGeography([fixture('derive')], { deriveParents: true });
    expect(result.problems).toEqual([]);
    const features = result.collection!.features;
    const byId = new Map(features.map((f) => [f.properties.id, f]));
    const grids = features.filter((f) => f.properties.level === 'grid');
    const district = byId.get('150602')!;
    expect(area(district) / grids.reduce((s, g) => s + area(g), 0)).toBeCloseTo(1, 9);
    expect(area(byId.get('150602001')!) / area(byId.get('150602001001')!)).toBeCloseTo(1, 9);
    expect(district.properties.population).toBe(5400);
    expect(byId.get('150602002001')!.properties.households).toBe(1300);
  });
});
