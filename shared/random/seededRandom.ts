/** A uniform random source in [0, 1). Passed in everywhere so that output depends only on the seed. */
export type Random = () => number;

/**
 * mulberry32: tiny, fast, and good enough for placing points. Math.random cannot be seeded, and
 * the demo geography must come out byte-identical on every machine for a given seed.
 */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
