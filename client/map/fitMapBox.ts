/** ECharts' default aspectScale for geo and map series: east–west degrees are shorter at our latitudes. */
export const GEO_ASPECT_SCALE = 0.75;

export interface MapBox {
  /** Centre of the drawn map, px from the chart's top-left. */
  center: [number, number];
  /** ECharts layoutSize, px: the longer side of the drawn map. */
  size: number;
}

/**
 * Where and how big to draw a region so it fills the free box without distortion. ECharts keeps
 * a geo's aspect only with layoutCenter + layoutSize (given left/right/top/bottom it stretches the
 * map to the box), so the fit is computed here. `bbox`: [[west, north], [east, south]] degrees;
 * margins px.
 */
export function fitMapBox(
  bbox: [[number, number], [number, number]],
  width: number,
  height: number,
  margin: { left: number; right: number; top: number; bottom: number },
): MapBox {
  const [[w, n], [e, s]] = bbox;
  const aspect = ((e - w) / Math.max(n - s, 1e-9)) * GEO_ASPECT_SCALE;
  const boxW = Math.max(1, width - margin.left - margin.right);
  const boxH = Math.max(1, height - margin.top - margin.bottom);
  const viewW = boxW / boxH > aspect ? boxH * aspect : boxW;
  const viewH = viewW / aspect;
  // ECharts: a wide map's layoutSize is its width, a tall one's its height.
  const size = aspect > 1 ? viewW : viewH;
  return { center: [margin.left + boxW / 2, margin.top + boxH / 2], size };
}
