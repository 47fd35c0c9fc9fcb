/**
 * The map's colour ramp, computed here rather than by an ECharts visualMap: a visualMap component
 * is re-rendered (its legend rebuilt) on every setOption of its instance, which on the wall is
 * every tick. Colours are interpolated linearly in RGB between evenly spaced stops, as ECharts'
 * continuous visualMap does, so the legend's CSS gradient over the same stops shows the same ramp.
 */

/** [r, g, b] of a '#rrggbb' stop. */
function rgbOf(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const parsed = new Map<string, [number, number, number]>();
function rgb(hex: string): [number, number, number] {
  let c = parsed.get(hex);
  if (!c) parsed.set(hex, (c = rgbOf(hex)));
  return c;
}

/**
 * The colour of `value` on a scale from 0 to `max` over `stops` ('#rrggbb', low end first);
 * values outside the scale take the nearest end. Returns 'rgb(r,g,b)'.
 */
export function heatColour(value: number, max: number, stops: readonly string[]): string {
  if (stops.length === 0) throw new Error('heatColour: no colour stops');
  const t = max > 0 && Number.isFinite(value) ? Math.min(1, Math.max(0, value / max)) : 0;
  const at = t * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(at));
  if (i < 0) return `rgb(${rgb(stops[0]).join(',')})`;
  const f = at - i;
  const a = rgb(stops[i]);
  const b = rgb(stops[i + 1]);
  const mix = (k: number) => Math.round(a[k] + (b[k] - a[k]) * f);
  return `rgb(${mix(0)},${mix(1)},${mix(2)})`;
}

/** The ramp's stops, low value first: calm → hot, or hot → calm for a metric where low is bad. */
export function heatStops(calmToHot: readonly string[], lowIsHot: boolean): readonly string[] {
  return lowIsHot ? [...calmToHot].reverse() : calmToHot;
}

/** A CSS gradient drawing the same ramp from the bottom (0) to the top (max), for the legend bar. */
export function heatGradientCss(stops: readonly string[]): string {
  return `linear-gradient(to top, ${stops.join(', ')})`;
}
