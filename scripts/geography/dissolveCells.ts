import type { Polygon, Position } from 'geojson';

/**
 * Topological union of polygons that share edges vertex for vertex (as Voronoi cells do): an
 * edge met in both directions is interior and drops out; the edges left are chained into rings.
 * No coordinate is computed, so the result is exactly the union and its border reuses the very
 * coordinates of its children — the property that makes every level tile without slivers.
 *
 * Input rings are counter-clockwise outer rings, open (last vertex ≠ first).
 * Throws when the union is not one simple polygon (two parts, or two rings touching at a vertex):
 * the generator then retries with another seed.
 */
export function dissolveCells(rings: readonly (readonly Position[])[]): Polygon {
  const key = (p: Position) => `${p[0]},${p[1]}`;
  const directed = new Set<string>();
  for (const ring of rings) for (let i = 0; i < ring.length; i++) directed.add(`${key(ring[i])}|${key(ring[(i + 1) % ring.length])}`);

  const next = new Map<string, Position>();
  const at = new Map<string, Position>();
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i];
      const b = ring[(i + 1) % ring.length];
      if (directed.has(`${key(b)}|${key(a)}`)) continue;
      if (next.has(key(a))) throw new Error(`dissolve: border touches itself at ${key(a)}`);
      next.set(key(a), b);
      at.set(key(a), a);
    }
  }

  const out: Position[][] = [];
  const seen = new Set<string>();
  for (const start of next.keys()) {
    if (seen.has(start)) continue;
    const ring: Position[] = [];
    let k = start;
    while (!seen.has(k)) {
      seen.add(k);
      ring.push(at.get(k)!);
      const n = next.get(k);
      if (!n) throw new Error(`dissolve: open border at ${k}`);
      k = key(n);
    }
    if (k !== start) throw new Error(`dissolve: border does not close at ${start}`);
    ring.push(ring[0]);
    out.push(ring);
  }
  const outers = out.filter((r) => signedArea(r) > 0);
  if (outers.length !== 1) throw new Error(`dissolve: union has ${outers.length} outer rings`);
  return { type: 'Polygon', coordinates: [outers[0], ...out.filter((r) => signedArea(r) <= 0)] };
}

/** Shoelace area of a closed ring in its own units²; positive when counter-clockwise. */
export function signedArea(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}
