/** Steps of 1-2-2.5-5 × 10ⁿ: the scale ends on a number a reader can take in at a glance. */
const STEPS = [1, 2, 2.5, 5, 10];

/** Smallest "nice" number (1, 2, 2.5, 5 × 10ⁿ) at or above `x`; at least `floor`. */
export function niceCeil(x: number, floor = 1): number {
  const v = Math.max(x, floor);
  const p = 10 ** Math.floor(Math.log10(v));
  for (const s of STEPS) if (s * p >= v - 1e-9) return s * p;
  return 10 * p;
}

/** Headroom above the largest value when a scale is chosen, so it survives a busy hour. */
const HEADROOM = 1.5;
/** The scale never ends below this many open events: a calm district stays calm-coloured. */
export const MIN_SCALE_MAX = 10;

/**
 * Upper end (e.g. count of open events) of the map's colour scale. Chosen with headroom when a
 * focus is entered (`held` null) and then kept, so colours mean the same from tick to tick; it
 * only grows, a notch at a time, when a region outgrows it. Never shrinks within a focus, never
 * starts below `floor`.
 */
export function stableScaleMax(held: number | null, values: Iterable<number>, floor = MIN_SCALE_MAX): number {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  if (held === null) return niceCeil(max * HEADROOM, floor);
  if (max <= held) return held;
  return niceCeil(max * HEADROOM, held);
}
