import { HEAT_METRICS, type HeatMetric } from '../../shared/protocol/subscribeSchema';

/** How a wall was asked to run, from its URL (a kiosk is configured by the address it opens). */
export interface WallOptions {
  /** `?kiosk=1`: unattended — no cursor, no controls, auto-tour on. */
  kiosk: boolean;
  /** `?tour=<s>`: seconds at each stop of the auto-tour; 0 = off. Default 60 in kiosk mode, else off. */
  tourSeconds: number;
  /** `?idle=<s>`: quiet seconds after a touch before the tour resumes. Default 90. */
  idleSeconds: number;
  /** `?metric=…`: what the map is coloured by. Default open. */
  metric: HeatMetric;
  /** `?focus=<region id>`: the region the wall opens on (and tours from). */
  focus: string | null;
  /** `?lang=zh-CN|en`: the language, overriding the one remembered by the browser. */
  lang: 'zh-CN' | 'en' | null;
}

type Query = Record<string, unknown>;

const first = (v: unknown): string | null => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : null);

function seconds(raw: string | null, dflt: number, min: number, max: number): number {
  if (raw === null || raw.trim() === '') return dflt;
  const n = Number(raw);
  if (!Number.isFinite(n)) return dflt;
  return n <= 0 ? 0 : Math.min(max, Math.max(min, n));
}

/** Reads the wall's options from a route query; anything malformed falls back to its default. */
export function readWallOptions(query: Query): WallOptions {
  const kioskRaw = first(query.kiosk);
  const kiosk = kioskRaw !== null && ['1', 'true', 'on', 'yes', ''].includes(kioskRaw.toLowerCase());
  const metricRaw = first(query.metric);
  const langRaw = first(query.lang);
  return {
    kiosk,
    tourSeconds: seconds(first(query.tour), kiosk ? 60 : 0, 5, 3600),
    idleSeconds: seconds(first(query.idle), 90, 5, 3600) || 90,
    metric: metricRaw && (HEAT_METRICS as readonly string[]).includes(metricRaw) ? (metricRaw as HeatMetric) : 'open',
    focus: first(query.focus),
    lang: langRaw === 'zh-CN' || langRaw === 'en' ? langRaw : null,
  };
}
