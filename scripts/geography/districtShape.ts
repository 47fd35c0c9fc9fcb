import type { Random } from '../../shared/random/seededRandom';

/** A point in the generator's local plane: x east, y north, both in kilometres from the centre. */
export type Xy = readonly [number, number];

/**
 * The district's blob and its population density, in the local km plane. The blob decides which
 * seeds are "inside"; the outline shipped is the union of the inside grid cells, so it comes out
 * jagged along grid borders the way real district boundaries do.
 */
export interface DistrictShape {
  /** True when the point (km) lies inside the blob. */
  inside(p: Xy): boolean;
  /** Relative density of residents at a point, 0.2 at the fringe up to 1 in the old town. */
  density(p: Xy): number;
  /** Blob radius (km) in direction `theta` (radians, counter-clockwise from east). */
  radius(theta: number): number;
  /** Half-widths (km) of a box that surely contains the blob. */
  halfExtent: Xy;
}

/**
 * An ellipse of `widthKm` × `heightKm` with a few low harmonics added to its radius so that the
 * outline looks like a surveyed boundary rather than a geometric figure.
 */
export function districtShape(rnd: Random, widthKm = 20, heightKm = 15): DistrictShape {
  const a = widthKm / 2;
  const b = heightKm / 2;
  const harmonics = [2, 3, 5, 7].map((k, i) => ({ k, amp: [0.1, 0.08, 0.05, 0.03][i], phase: rnd() * 2 * Math.PI }));
  const radius = (theta: number) => {
    const base = (a * b) / Math.hypot(b * Math.cos(theta), a * Math.sin(theta));
    let f = 1;
    for (const h of harmonics) f += h.amp * Math.sin(h.k * theta + h.phase);
    return base * f;
  };
  // The old town sits a little west of and north of the geometric centre, as in Dongsheng.
  const core: Xy = [-1.5 + rnd(), 0.8 + rnd() * 0.6];
  const sigma = Math.min(a, b) * 0.55;
  const density = ([x, y]: Xy) => {
    const d2 = (x - core[0]) ** 2 + (y - core[1]) ** 2;
    return 0.2 + 0.8 * Math.exp(-d2 / (2 * sigma * sigma));
  };
  const inside = ([x, y]: Xy) => Math.hypot(x, y) <= radius(Math.atan2(y, x));
  const maxAmp = 1 + harmonics.reduce((s, h) => s + h.amp, 0);
  return { inside, density, radius, halfExtent: [a * maxAmp, b * maxAmp] };
}
