import { describe, expect, it } from 'vitest';
import { heatColour, heatGradientCss, heatStops } from './heatColour';

const STOPS = ['#000000', '#ff0000', '#ffffff'] as const;

describe('heatColour', () => {
  it('gives the first stop at 0 and the last at the top of the scale', () => {
    expect(heatColour(0, 50, STOPS)).toBe('rgb(0,0,0)');
    expect(heatColour(50, 50, STOPS)).toBe('rgb(255,255,255)');
  });

  it('puts the stops evenly along the scale and mixes linearly between them', () => {
    expect(heatColour(25, 50, STOPS)).toBe('rgb(255,0,0)');
    expect(heatColour(12.5, 50, STOPS)).toBe('rgb(128,0,0)');
    expect(heatColour(37.5, 50, STOPS)).toBe('rgb(255,128,128)');
  });

  it('clamps values outside the scale to its ends, and a scale without a top to its bottom', () => {
    expect(heatColour(-3, 50, STOPS)).toBe('rgb(0,0,0)');
    expect(heatColour(80, 50, STOPS)).toBe('rgb(255,255,255)');
    expect(heatColour(5, 0, STOPS)).toBe('rgb(0,0,0)');
    expect(heatColour(Number.NaN, 50, STOPS)).toBe('rgb(0,0,0)');
  });

  it('takes a single stop as a flat colour', () => {
    expect(heatColour(7, 10, ['#102030'])).toBe('rgb(16,32,48)');
  });
});

describe('heatStops and heatGradientCss', () => {
  it('run the ramp the other way for a metric where low is bad, and draw it bottom (0) to top', () => {
    expect(heatStops(STOPS, false)).toEqual(STOPS);
    expect(heatStops(STOPS, true)).toEqual(['#ffffff', '#ff0000', '#000000']);
    expect(heatGradientCss(['#000000', '#ffffff'])).toBe('linear-gradient(to top, #000000, #ffffff)');
  });
});
