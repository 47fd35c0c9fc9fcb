import { describe, expect, it } from 'vitest';
import { boundingCoords } from './boundingCoords';

describe('boundingCoords', () => {
  it('spans every part of a multipolygon, west-north then east-south', () => {
    expect(
      boundingCoords({
        type: 'MultiPolygon',
        coordinates: [
          [[[110, 39], [110.5, 39], [110.5, 39.5], [110, 39]]],
          [[[109.5, 39.8], [109.9, 39.8], [109.9, 40.1], [109.5, 39.8]]],
        ],
      }),
    ).toEqual([[109.5, 40.1], [110.5, 39]]);
  });
});
