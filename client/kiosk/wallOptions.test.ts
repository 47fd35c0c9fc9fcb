import { describe, expect, it } from 'vitest';
import { readWallOptions } from './wallOptions';

describe('readWallOptions', () => {
  it('defaults to an attended wall on the district, coloured by open events', () => {
    expect(readWallOptions({})).toEqual({ kiosk: false, tourSeconds: 0, idleSeconds: 90, metric: 'open', focus: null, lang: null });
  });
  it('turns the tour on at 60 s in kiosk mode', () => {
    expect(readWallOptions({ kiosk: '1' })).toMatchObject({ kiosk: true, tourSeconds: 60 });
  });
  it('takes the tour period from ?tour, 0 meaning off, clamped to at least 5 s', () => {
    expect(readWallOptions({ kiosk: '1', tour: '30' }).tourSeconds).toBe(30);
    expect(readWallOptions({ kiosk: '1', tour: '0' }).tourSeconds).toBe(0);
    expect(readWallOptions({ tour: '1' }).tourSeconds).toBe(5);
    expect(readWallOptions({ kiosk: '1', tour: 'soon' }).tourSeconds).toBe(60);
  });
  it('accepts only known metrics and languages', () => {
    expect(readWallOptions({ metric: 'per1000', lang: 'en' })).toMatchObject({ metric: 'per1000', lang: 'en' });
    expect(readWallOptions({ metric: 'drop table', lang: 'fr' })).toMatchObject({ metric: 'open', lang: null });
  });
  it('does not take kiosk=0 for kiosk mode', () => {
    expect(readWallOptions({ kiosk: '0' }).kiosk).toBe(false);
  });
});
