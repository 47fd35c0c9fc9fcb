import gcoord from 'gcoord';
import type { EventIngest } from '../../shared/events/eventIngestSchema';
import type { Region } from '../../shared/geo/region';
import { pickWeighted, type Random } from './random';
import { CATEGORY_MIX, DESCRIPTIONS, ROADS, SEVERITY_MIX, SOURCE_MIX } from './eventMix';

export interface SimGrid {
  region: Region;
  /** [minLon, minLat, maxLon, maxLat], WGS-84. */
  bbox: [number, number, number, number];
}

export interface GeneratorDeps {
  grids: readonly SimGrid[];
  /** Which grid a WGS-84 point falls in (the server's own index). */
  assign: (lon: number, lat: number) => string | null;
  random: Random;
  /** Prefix for client ids, unique per simulator run. */
  runId: string;
}

/** Share of grids that are hot spots, and how much busier they are. */
const HOT_SPOT_SHARE = 0.08;
const HOT_SPOT_WEIGHT = 6;
/** Share of reports sent in GCJ-02, as phone map apps do (the rest are GPS WGS-84). */
const GCJ02_SHARE = 0.3;

/**
 * A believable stream of grid events (pure, seeded): hot spots, busier dedicated business
 * grids, the category/source/severity mix of eventMix.ts, a point inside the chosen grid.
 */
export function createEventGenerator(deps: GeneratorDeps): { next(nowMs: number): EventIngest } {
  const { grids, random } = deps;
  const weights = grids.map((g) => {
    const base = (g.region.population ?? 1500) / 1500;
    const hot = random() < HOT_SPOT_SHARE ? HOT_SPOT_WEIGHT : 1;
    return base * hot * (g.region.kind === 'dedicated' ? 1.4 : 1);
  });
  const cumulative: number[] = [];
  weights.reduce((s, w, i) => (cumulative[i] = s + w), 0);
  const total = cumulative[cumulative.length - 1] ?? 0;
  let n = 0;

  const pickGrid = (): SimGrid => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return grids[lo];
  };

  const pointIn = (g: SimGrid): [number, number] => {
    const [x0, y0, x1, y1] = g.bbox;
    for (let i = 0; i < 40; i++) {
      const lon = x0 + random() * (x1 - x0);
      const lat = y0 + random() * (y1 - y0);
      if (deps.assign(lon, lat) === g.region.id) return [lon, lat];
    }
    return [(x0 + x1) / 2, (y0 + y1) / 2];
  };

  const fill = (t: string) =>
    t
      .replace('{n}', String(1 + Math.floor(random() * 30)))
      .replace('{u}', String(1 + Math.floor(random() * 6)))
      .replace('{r}', ROADS[Math.floor(random() * ROADS.length)]);

  return {
    next(nowMs) {
      const g = pickGrid();
      const [lon, lat] = pointIn(g);
      const category = pickWeighted(random, CATEGORY_MIX);
      const templates = DESCRIPTIONS[category];
      const gcj = random() < GCJ02_SHARE;
      const [x, y] = gcj ? (gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number]) : [lon, lat];
      n++;
      return {
        clientId: `${deps.runId}-${n}`,
        category,
        severity: pickWeighted(random, SEVERITY_MIX),
        source: pickWeighted(random, SOURCE_MIX),
        location: { lon: Math.round(x * 1e6) / 1e6, lat: Math.round(y * 1e6) / 1e6 },
        crs: gcj ? 'gcj02' : 'wgs84',
        description: `${g.region.name}：${fill(templates[Math.floor(random() * templates.length)])}`,
        reportedAt: new Date(nowMs - Math.floor(random() * 60_000)).toISOString(),
      };
    },
  };
}
