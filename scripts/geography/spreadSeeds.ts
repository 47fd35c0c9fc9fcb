import type { Xy } from './districtShape';
import type { Random } from '../../shared/random/seededRandom';

/**
 * Picks `count` points out of `candidates` by best-candidate sampling: each pick is the best of
 * `tries` random candidates, "best" meaning farthest from every point already placed, distances
 * scaled by sqrt(density) so that dense areas get closer seeds (smaller cells).
 * `placed` holds points placed earlier (e.g. by a neighbouring community); they repel too and
 * the picks are appended to it.
 */
export function spreadSeeds(
  candidates: readonly Xy[],
  count: number,
  rnd: Random,
  density: (p: Xy) => number,
  placed: SeedHash,
  tries = 24,
): Xy[] {
  const picks: Xy[] = [];
  if (candidates.length === 0) return picks;
  for (let i = 0; i < count; i++) {
    let best: Xy | undefined;
    let bestScore = -1;
    for (let t = 0; t < tries; t++) {
      const c = candidates[Math.floor(rnd() * candidates.length)];
      const score = placed.nearestDistance(c) * Math.sqrt(density(c));
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    // Two seeds on the same spot would collapse a Voronoi cell; a zero score means exactly that.
    if (!best || bestScore <= 0) continue;
    picks.push(best);
    placed.add(best);
  }
  return picks;
}

/** Points bucketed in square cells of `cellKm`, for nearest-distance queries during placement. */
export class SeedHash {
  private readonly cells = new Map<string, Xy[]>();
  constructor(private readonly cellKm: number) {}

  add(p: Xy): void {
    const k = this.key(Math.floor(p[0] / this.cellKm), Math.floor(p[1] / this.cellKm));
    const list = this.cells.get(k);
    if (list) list.push(p);
    else this.cells.set(k, [p]);
  }

  /** Distance (km) to the nearest stored point; searched in growing rings, Infinity when empty. */
  nearestDistance(p: Xy): number {
    if (this.cells.size === 0) return Infinity;
    const cx = Math.floor(p[0] / this.cellKm);
    const cy = Math.floor(p[1] / this.cellKm);
    let best = Infinity;
    for (let r = 0; r < 64; r++) {
      for (let ix = cx - r; ix <= cx + r; ix++) {
        for (let iy = cy - r; iy <= cy + r; iy++) {
          if (Math.max(Math.abs(ix - cx), Math.abs(iy - cy)) !== r) continue;
          for (const q of this.cells.get(this.key(ix, iy)) ?? []) best = Math.min(best, Math.hypot(p[0] - q[0], p[1] - q[1]));
        }
      }
      // Anything in ring r+1 or beyond is at least r cells away.
      if (best <= r * this.cellKm) return best;
    }
    return best;
  }

  private key(ix: number, iy: number): string {
    return `${ix},${iy}`;
  }
}
