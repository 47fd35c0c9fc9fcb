/**
 * Coordinate systems Chinese apps send: WGS-84 (GPS), GCJ-02 (AMap, Tencent, most phone maps),
 * BD-09 (Baidu). Conversion itself is done by the gcoord library on the server.
 */
export const CRS_CODES = ['wgs84', 'gcj02', 'bd09'] as const;
export type Crs = (typeof CRS_CODES)[number];
