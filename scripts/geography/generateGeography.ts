import { featureCollection, point, voronoi } from '@turf/turf';
import type { Position } from 'geojson';
import type { GeographyCollection, GridKind, Region, RegionFeature } from '../../shared/geo/region';
import type { DivisionNames } from './divisionNames';
import { dissolveCells, signedArea } from './dissolveCells';
import { districtShape, type DistrictShape, type Xy } from './districtShape';
import { gridLabeller } from './gridLabels';
import { seededRandom, type Random } from '../../shared/random/seededRandom';
import { SeedHash, spreadSeeds } from './spreadSeeds';

export interface GenerateOptions {
  /** Any integer; the same seed and names give the same file, byte for byte. */
  seed: number;
  /** Grid cells wanted in total (the result is within a few of it). */
  grids: number;
  /** Centre of the district, WGS-84 degrees. */
  centre?: [number, number];
  /** Extent of the district outline, km. */
  widthKm?: number;
  heightKm?: number;
  /** Share of grids that are dedicated (专属), 0..1. */
  dedicatedShare?: number;
  /** Text for the collection's `source` field. */
  source?: string;
}

const DEFAULT_SOURCE = 'generated';

/**
 * A whole four-level geography — district, streets, communities, grids — from real names and a
 * seed. Seeds are placed hierarchically (streets, then communities inside each street, then grid
 * seeds inside each community, denser near the old town) and ONE Voronoi diagram is drawn over
 * all grid seeds. Each upper level is the exact topological union of its children's cells, so
 * all levels tile without gaps or overlaps and share coordinates vertex for vertex; coordinates
 * are rounded once, before any union, so rounding cannot open a seam.
 */
export function generateGeography(names: DivisionNames, options: GenerateOptions): GeographyCollection {
  let lastError: unknown;
  // A rare seed gives a community in two pieces or with an enclave; another attempt fixes it.
  for (let attempt = 0; attempt < 25; attempt++) {
    try {
      return attemptGeography(names, options, seededRandom(options.seed * 7919 + attempt));
    } catch (e) {
      lastError = e;
    }
  }
  throw new Error(`could not generate a clean geography for seed ${options.seed}: ${String(lastError)}`);
}

interface Cell {
  ring: Position[];
  seed: Xy;
  community: number;
}

function attemptGeography(names: DivisionNames, o: GenerateOptions, rnd: Random): GeographyCollection {
  const shape = districtShape(rnd, o.widthKm ?? 20, o.heightKm ?? 15);
  const communities = names.streets.flatMap((s, si) => s.communities.map((c) => ({ ...c, street: si })));

  // A pool of candidate points whose local count follows the density: picking seeds from it
  // makes cells small where people are many.
  const pool = samplePool(shape, rnd, Math.max(20000, 16 * o.grids));
  const streetSeeds = spreadSeeds(pool, names.streets.length, rnd, shape.density, new SeedHash(2));
  if (streetSeeds.length !== names.streets.length) throw new Error('street seeds collided');
  const poolByStreet = groupByNearest(pool, streetSeeds);

  const communitySeeds: Xy[] = [];
  const communityHash = new SeedHash(0.8);
  const poolByCommunity: Xy[][] = [];
  for (let si = 0; si < names.streets.length; si++) {
    const n = names.streets[si].communities.length;
    const seeds = spreadSeeds(poolByStreet[si], n, rnd, shape.density, communityHash);
    if (seeds.length !== n) throw new Error(`community seeds of street ${names.streets[si].code} collided`);
    communitySeeds.push(...seeds);
    poolByCommunity.push(...groupByNearest(poolByStreet[si], seeds));
  }

  const counts = apportion(poolByCommunity.map((p) => p.length), o.grids, 3);
  const spacing = Math.sqrt(blobArea(shape) / o.grids) * 0.5;
  const gridHash = new SeedHash(spacing);
  const gridSeeds: { seed: Xy; community: number }[] = [];
  for (let ci = 0; ci < communities.length; ci++) {
    for (const seed of spreadSeeds(poolByCommunity[ci], counts[ci], rnd, shape.density, gridHash)) gridSeeds.push({ seed, community: ci });
  }
  const outside = fringeSeeds(shape, rnd, gridHash, o.grids);

  const cells = voronoiCells(gridSeeds, outside, shape, o.centre ?? [109.96, 39.82]);
  mendCommunities(cells, communities.length);
  return assemble(names, communities, cells, shape, rnd, o);
}

/** Rejection-samples `n` points inside the blob with probability proportional to density. */
function samplePool(shape: DistrictShape, rnd: Random, n: number): Xy[] {
  const [hx, hy] = shape.halfExtent;
  const out: Xy[] = [];
  while (out.length < n) {
    const p: Xy = [(rnd() * 2 - 1) * hx, (rnd() * 2 - 1) * hy];
    if (shape.inside(p) && rnd() < shape.density(p)) out.push(p);
  }
  return out;
}

/** Splits points by their nearest seed: the discrete form of "which Voronoi cell is it in". */
function groupByNearest(points: readonly Xy[], seeds: readonly Xy[]): Xy[][] {
  const groups: Xy[][] = seeds.map(() => []);
  for (const p of points) {
    let best = 0;
    let bestD = Infinity;
    for (let i = 0; i < seeds.length; i++) {
      const d = (p[0] - seeds[i][0]) ** 2 + (p[1] - seeds[i][1]) ** 2;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    groups[best].push(p);
  }
  return groups;
}

/** Splits `total` in proportion to `weights` (largest remainder), each share at least `min`. */
function apportion(weights: readonly number[], total: number, min: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (w / sum) * total);
  const out = raw.map((r) => Math.max(min, Math.floor(r)));
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let left = total - out.reduce((a, b) => a + b, 0);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]]++;
  return out;
}

/** Area of the blob, km², from 720 radius samples. */
function blobArea(shape: DistrictShape): number {
  let s = 0;
  const n = 720;
  for (let i = 0; i < n; i++) s += 0.5 * shape.radius((i / n) * 2 * Math.PI) ** 2 * ((2 * Math.PI) / n);
  return s;
}

/**
 * Seeds in a band outside the blob, spaced like the grid seeds at the fringe. Their cells are
 * thrown away; they exist so that the boundary cells close at a believable size instead of
 * running out to the Voronoi bounding box.
 */
function fringeSeeds(shape: DistrictShape, rnd: Random, hash: SeedHash, grids: number): Xy[] {
  const fringeSpacing = Math.sqrt(blobArea(shape) / grids) * 1.1;
  const out: Xy[] = [];
  for (let i = 0; i < 200 * Math.sqrt(grids); i++) {
    const theta = rnd() * 2 * Math.PI;
    const r = shape.radius(theta) + rnd() * 3 * fringeSpacing;
    const p: Xy = [r * Math.cos(theta), r * Math.sin(theta)];
    if (shape.inside(p) || hash.nearestDistance(p) < fringeSpacing * 0.8) continue;
    out.push(p);
    hash.add(p);
  }
  return out;
}

/** Voronoi cells of the inside seeds, in WGS-84, rounded to 6 decimals, counter-clockwise. */
function voronoiCells(inside: { seed: Xy; community: number }[], outside: Xy[], shape: DistrictShape, centre: [number, number]): Cell[] {
  const pts = [...inside.map((s) => s.seed), ...outside].map((p) => point([p[0], p[1]]));
  const pad = Math.max(...shape.halfExtent) * 0.5 + 2;
  const polys = voronoi(featureCollection(pts), {
    bbox: [-shape.halfExtent[0] - pad, -shape.halfExtent[1] - pad, shape.halfExtent[0] + pad, shape.halfExtent[1] + pad],
  }).features;
  const kmPerDegLon = 111.32 * Math.cos((centre[1] * Math.PI) / 180);
  const kmPerDegLat = 110.574;
  // d3-voronoi hands both neighbours of an edge the same vertex numbers, and this mapping is a
  // pure function of them, so shared edges stay bit-identical after rounding.
  const toLonLat = (p: Position): Position => [round6(centre[0] + p[0] / kmPerDegLon), round6(centre[1] + p[1] / kmPerDegLat)];
  return inside.map((s, i) => {
    const poly = polys[i];
    if (!poly) throw new Error('a Voronoi cell is missing (coincident seeds)');
    const ring: Position[] = [];
    for (const p of poly.geometry.coordinates[0].slice(0, -1).map(toLonLat)) {
      const last = ring[ring.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) ring.push(p);
    }
    while (ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1]) ring.pop();
    if (ring.length < 3) throw new Error('a Voronoi cell collapsed when rounded');
    if (signedArea([...ring, ring[0]]) < 0) ring.reverse();
    return { ring, seed: s.seed, community: s.community };
  });
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/**
 * A grid seed near its community's border can get a cell cut off from the rest of its
 * community. Such islands join the neighbouring community they share most border with, so every
 * community is one piece.
 */
function mendCommunities(cells: Cell[], communityCount: number): void {
  const key = (p: Position) => `${p[0]},${p[1]}`;
  const edgeOwners = new Map<string, number[]>();
  cells.forEach((c, i) => {
    for (let k = 0; k < c.ring.length; k++) {
      const a = key(c.ring[k]);
      const b = key(c.ring[(k + 1) % c.ring.length]);
      const e = a < b ? `${a}|${b}` : `${b}|${a}`;
      const list = edgeOwners.get(e);
      if (list) list.push(i);
      else edgeOwners.set(e, [i]);
    }
  });
  const neighbours = cells.map(() => new Map<number, number>());
  for (const [e, owners] of edgeOwners) {
    if (owners.length !== 2) continue;
    const [a, b] = e.split('|').map((s) => s.split(',').map(Number));
    const len = Math.hypot(a[0] - b[0], a[1] - b[1]);
    const [i, j] = owners;
    neighbours[i].set(j, (neighbours[i].get(j) ?? 0) + len);
    neighbours[j].set(i, (neighbours[j].get(i) ?? 0) + len);
  }
  for (let pass = 0; pass < 10; pass++) {
    let moved = false;
    for (let ci = 0; ci < communityCount; ci++) {
      const members = cells.map((c, i) => (c.community === ci ? i : -1)).filter((i) => i >= 0);
      const parts: number[][] = [];
      const seen = new Set<number>();
      for (const m of members) {
        if (seen.has(m)) continue;
        const part: number[] = [];
        const stack = [m];
        seen.add(m);
        while (stack.length) {
          const x = stack.pop()!;
          part.push(x);
          for (const y of neighbours[x].keys()) if (!seen.has(y) && cells[y].community === ci) (seen.add(y), stack.push(y));
        }
        parts.push(part);
      }
      if (parts.length <= 1) continue;
      parts.sort((a, b) => b.length - a.length);
      for (const part of parts.slice(1)) {
        const border = new Map<number, number>();
        for (const x of part) for (const [y, len] of neighbours[x]) if (cells[y].community !== ci) border.set(cells[y].community, (border.get(cells[y].community) ?? 0) + len);
        const target = [...border].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
        if (!target) continue;
        for (const x of part) cells[x].community = target[0];
        moved = true;
      }
    }
    if (!moved) return;
  }
}

function assemble(
  names: DivisionNames,
  communities: { code: string; name: string; street: number }[],
  cells: Cell[],
  shape: DistrictShape,
  rnd: Random,
  o: GenerateOptions,
): GeographyCollection {
  const share = o.dedicatedShare ?? 0.28;
  const gridFeatures: RegionFeature[] = [];
  const communityFeatures: RegionFeature[] = [];
  const streetRings: Position[][][] = names.streets.map(() => []);
  const totals = new Map<string, { population: number; households: number }>();
  const add = (id: string, population: number, households: number) => {
    const t = totals.get(id) ?? { population: 0, households: 0 };
    t.population += population;
    t.households += households;
    totals.set(id, t);
  };

  communities.forEach((c, ci) => {
    // Number grids in reading order, north to south in rows of ~400 m, then west to east.
    const mine = cells.filter((cell) => cell.community === ci).sort((a, b) => Math.floor(-a.seed[1] / 0.4) - Math.floor(-b.seed[1] / 0.4) || a.seed[0] - b.seed[0]);
    if (mine.length < 2) throw new Error(`community ${c.code} ended with ${mine.length} grid`);
    if (mine.length > 999) throw new Error(`community ${c.code} has more than 999 grids`);
    const dedicatedCount = Math.min(mine.length - 1, Math.floor(mine.length * share + rnd()));
    const dedicated = new Set<number>();
    while (dedicated.size < dedicatedCount) dedicated.add(Math.floor(rnd() * mine.length));
    const label = gridLabeller(c.name, rnd);
    const streetCode = names.streets[c.street].code;
    mine.forEach((cell, k) => {
      const kind: GridKind = dedicated.has(k) ? 'dedicated' : 'comprehensive';
      const { population, households } = residents(kind, shape.density(cell.seed), rnd);
      const id = `${c.code}${String(k + 1).padStart(3, '0')}`;
      const named = kind === 'dedicated' ? label.dedicated() : { name: label.comprehensive() };
      gridFeatures.push(feature({ id, parentId: c.code, level: 'grid', ...named, kind, population, households }, { type: 'Polygon', coordinates: [[...cell.ring, cell.ring[0]]] }));
      add(c.code, population, households);
      add(streetCode, population, households);
      add(names.district.code, population, households);
    });
    const outline = dissolveCells(mine.map((m) => m.ring));
    if (outline.coordinates.length > 1) throw new Error(`community ${c.code} encloses another`);
    streetRings[c.street].push(outline.coordinates[0].slice(0, -1));
    communityFeatures.push(feature({ id: c.code, parentId: streetCode, level: 'community', name: c.name, ...totals.get(c.code) }, outline));
  });

  const streetFeatures = names.streets.map((s, si) => {
    const outline = dissolveCells(streetRings[si]);
    if (outline.coordinates.length > 1) throw new Error(`street ${s.code} encloses another`);
    return feature({ id: s.code, parentId: names.district.code, level: 'street', name: s.name, ...totals.get(s.code) }, outline);
  });
  const districtOutline = dissolveCells(streetFeatures.map((f) => (f.geometry.coordinates as Position[][])[0].slice(0, -1)));
  if (districtOutline.coordinates.length > 1) throw new Error('the district has a hole');
  const district = feature({ id: names.district.code, parentId: null, level: 'district', name: names.district.name, ...totals.get(names.district.code) }, districtOutline);

  return {
    type: 'FeatureCollection',
    crs_name: 'wgs84',
    source: o.source ?? DEFAULT_SOURCE,
    features: [district, ...streetFeatures, ...communityFeatures, ...gridFeatures],
  };
}

function feature(region: Region, geometry: RegionFeature['geometry']): RegionFeature {
  return { type: 'Feature', id: region.id, properties: region, geometry };
}

/** Residents and households of a grid; dedicated grids house fewer people in larger units. */
/**
 * Generated residents: a comprehensive grid of ~200–500 households (the usual "about 300
 * households per grid"), so the 12 streets total about half a million people, the order of
 * Dongsheng's urban population; dedicated grids (campuses, compounds) fewer residents.
 */
function residents(kind: GridKind, density: number, rnd: Random): { population: number; households: number } {
  if (kind === 'dedicated') {
    const population = Math.round(250 + 550 * rnd());
    return { population, households: Math.round(population / (3 + 2 * rnd())) };
  }
  const population = Math.round(Math.min(1400, Math.max(450, (550 + 700 * density) * (0.8 + 0.4 * rnd()))));
  return { population, households: Math.round(population / (2.4 + 0.5 * rnd())) };
}
