import { describe, expect, it } from 'vitest';
import { fitMapBox } from './fitMapBox';

const none = { left: 0, right: 0, top: 0, bottom: 0 };

describe('fitMapBox', () => {
  it('fits a wide region to the width of a tall box', () => {
    // 2° × 0.75 wide, 1° high → aspect 1.5.
    const r = fitMapBox([[110, 40], [112, 39]], 300, 1000, none);
    expect(r.size).toBeCloseTo(300);
    expect(r.center).toEqual([150, 500]);
  });
  it('fits a region to the height of a wide box, keeping its aspect', () => {
    const r = fitMapBox([[110, 40], [111, 39]], 4000, 1000, none); // aspect 0.75: tall
    expect(r.size).toBeCloseTo(1000); // its height
  });
  it('centres the map in the box left by the margins', () => {
    const r = fitMapBox([[110, 40], [111, 39]], 1000, 1000, { left: 100, right: 300, top: 50, bottom: 150 });
    expect(r.center).toEqual([400, 450]);
    expect(r.size).toBeCloseTo(800);
  });
});
