import { describe, expect, it } from 'vitest';
import { convertToWgs84 } from './convertToWgs84';

// Reference values published with wandergis/coordtransform (test/app.js), an independent
// implementation of the same published transforms.
const GCJ = [116.404, 39.915] as const;
const GCJ_TO_WGS = [116.39775550083061, 39.91359571849836];
const WGS = [116.404, 39.915] as const;
const WGS_TO_GCJ = [116.41024449916938, 39.91640428150164];
const BD = [116.404, 39.915] as const;
const BD_TO_GCJ = [116.39762729119315, 39.90865673957631];

describe('convertToWgs84', () => {
  it('leaves WGS-84 alone', () => {
    expect(convertToWgs84(109.96, 39.82, 'wgs84')).toEqual([109.96, 39.82]);
  });

  it('converts GCJ-02 as the reference does', () => {
    const [lon, lat] = convertToWgs84(GCJ[0], GCJ[1], 'gcj02');
    expect(lon).toBeCloseTo(GCJ_TO_WGS[0], 9);
    expect(lat).toBeCloseTo(GCJ_TO_WGS[1], 9);
  });

  it('undoes the GCJ-02 offset to within 2 m (the inverse has no closed form)', () => {
    const [lon, lat] = convertToWgs84(WGS_TO_GCJ[0], WGS_TO_GCJ[1], 'gcj02');
    // 1e-5 degree is about 1.1 m of latitude, 0.85 m of longitude here.
    expect(Math.abs(lon - WGS[0])).toBeLessThan(2e-5);
    expect(Math.abs(lat - WGS[1])).toBeLessThan(2e-5);
  });

  it('converts BD-09 through GCJ-02', () => {
    const viaGcj = convertToWgs84(BD_TO_GCJ[0], BD_TO_GCJ[1], 'gcj02');
    const [lon, lat] = convertToWgs84(BD[0], BD[1], 'bd09');
    expect(Math.abs(lon - viaGcj[0])).toBeLessThan(1e-5);
    expect(Math.abs(lat - viaGcj[1])).toBeLessThan(1e-5);
    // Baidu's offset is ~1 km here; a point that was not moved would fail.
    expect(Math.abs(lat - BD[1])).toBeGreaterThan(0.005);
  });

  it('moves a Dongsheng point by the expected few hundred metres', () => {
    const [lon, lat] = convertToWgs84(109.966, 39.821, 'gcj02');
    const metres = Math.hypot((lon - 109.966) * 85_500, (lat - 39.821) * 110_600);
    expect(metres).toBeGreaterThan(100);
    expect(metres).toBeLessThan(1000);
  });
});
