import { describe, expect, it } from 'vitest';
import { MIN_SCALE_MAX, niceCeil, stableScaleMax } from './heatScale';

describe('niceCeil', () => {
  it.each([
    [0, 1],
    [1, 1],
    [1.01, 2],
    [2.4, 2.5],
    [3, 5],
    [7, 10],
    [11, 20],
    [240, 250],
    [251, 500],
  ])('%d → %d', (x, want) => expect(niceCeil(x)).toBe(want));
});

describe('stableScaleMax', () => {
  it('starts with headroom above the largest value, at a nice number', () => {
    expect(stableScaleMax(null, [3, 14, 9])).toBe(25);
  });
  it('never starts below the minimum, so a quiet focus is not painted hot', () => {
    expect(stableScaleMax(null, [0, 1])).toBe(MIN_SCALE_MAX);
    expect(stableScaleMax(null, [])).toBe(MIN_SCALE_MAX);
  });
  it('keeps the scale while values move inside it, including at its very top', () => {
    expect(stableScaleMax(25, [2, 5])).toBe(25);
    expect(stableScaleMax(25, [25])).toBe(25);
  });
  it('does not shrink when values fall (no rescale on every tick)', () => {
    expect(stableScaleMax(50, [1])).toBe(50);
  });
  it('grows when a value goes just past the top', () => {
    expect(stableScaleMax(25, [26])).toBe(50);
  });
});

describe('stableScaleMax with a fractional floor (rates per 1,000 residents)', () => {
  it('starts at the floor for small rates and grows in nice steps', () => {
    expect(stableScaleMax(null, [0.05, 0.1], 0.5)).toBe(0.5);
    expect(stableScaleMax(null, [0.8], 0.5)).toBe(2);
    expect(stableScaleMax(0.5, [0.51], 0.5)).toBe(1);
  });
});
