/**
 * Grid assignment: points/s of the flatbush + flat point-in-polygon index against a linear scan
 * with turf's booleanPointInPolygon, over the demo (~700 grids) and a generated 10,000-grid
 * geography. Run: `npx tsx bench/run.ts gridAssignment`.
 */
import { performance } from 'node:perf_hooks';
import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { GeographyCollection, RegionFeature } from '../shared/geo/region';
import { DEMO_GEOGRAPHY } from '../server/geo/geographyPath';
import { createGridIndex } from '../server/geo/gridIndex';
import { loadGeography } from '../server/geo/loadGeography';
import type { DivisionNames } from '../scripts/geography/divisionNames';
import { generateGeography } from '../scripts/geography/generateGeography';
import { seededRandom } from '../shared/random/seededRandom';
import type { BenchFigure } from './run';

export async function run(): Promise<BenchFigure[]> {
  const demo = loadGeography(DEMO_GEOGRAPHY);
  const big = generateGeography(namesOf(demo.collection), { seed: 10_000, grids: 10_000 });
  return [...measure('demo', grids(demo.collection)), ...measure('10k', grids(big))];
}

function grids(geo: GeographyCollection): RegionFeature[] {
  return geo.features.filter((f) => f.properties.level === 'grid');
}

/** The demo's streets and communities, to name the generated big geography. */
function namesOf(geo: GeographyCollection): DivisionNames {
  const regions = geo.features.map((f) => f.properties);
  const district = regions.find((r) => r.level === 'district')!;
  return {
    district: { code: district.id, name: district.name },
    streets: regions
      .filter((r) => r.level === 'street')
      .map((s) => ({ code: s.id, name: s.name, communities: regions.filter((c) => c.parentId === s.id).map((c) => ({ code: c.id, name: c.name })) })),
  };
}

function measure(label: string, features: RegionFeature[]): BenchFigure[] {
  const t0 = performance.now();
  const index = createGridIndex(features);
  const buildMs = performance.now() - t0;

  // Uniform points over the bounding box of all grids: most land in a grid, some outside.
  const [minX, minY, maxX, maxY] = bbox({ type: 'FeatureCollection', features });
  const rnd = seededRandom(42);
  const points = Array.from({ length: 200_000 }, () => [minX + rnd() * (maxX - minX), minY + rnd() * (maxY - minY)] as [number, number]);

  const indexed = rate(points, (p) => index.assign(p[0], p[1]));
  const linearScan = (p: [number, number]) => {
    for (const f of features) if (booleanPointInPolygon(p, f)) return f.properties.id;
    return null;
  };
  const linear = rate(points, linearScan);

  // Both must agree, or the speed is of a wrong answer.
  let disagree = 0;
  for (const p of points.slice(0, 500)) if (index.assign(p[0], p[1]) !== linearScan(p)) disagree++;

  const n = features.length.toLocaleString('en-US');
  return [
    { name: `${label}: index build`, value: buildMs, unit: 'ms', note: `${n} grids` },
    { name: `${label}: index (flatbush + flat point-in-polygon)`, value: indexed, unit: 'points/s', note: `${n} grids` },
    { name: `${label}: linear turf booleanPointInPolygon scan`, value: linear, unit: 'points/s', note: `${n} grids` },
    { name: `${label}: speed-up`, value: indexed / linear, unit: '×', note: `${disagree} of 500 sample points answered differently` },
  ];
}

/** Points per second of `assign` over the points, for at least ~1 s (at most all points). */
function rate(points: [number, number][], assign: (p: [number, number]) => string | null): number {
  let sink = 0;
  for (const p of points.slice(0, 200)) if (assign(p)) sink++; // warm-up
  const start = performance.now();
  let done = 0;
  while (done < points.length && (done % 256 !== 0 || performance.now() - start < 1000)) {
    if (assign(points[done])) sink++;
    done++;
  }
  const seconds = (performance.now() - start) / 1000;
  if (sink < 0) console.log(sink);
  return done / seconds;
}
