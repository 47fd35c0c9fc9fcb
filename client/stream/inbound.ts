import type { Alert } from '../../shared/alerts/alert';
import { ALERT_KINDS, ALERT_STATES } from '../../shared/alerts/alert';
import { SEVERITIES } from '../../shared/events/categories';
import type { HourlySeries, PanelCounters } from '../../shared/protocol/socketProtocol';
import { HEAT_METRICS, type HeatMetric } from '../../shared/protocol/subscribeSchema';

/**
 * Runtime checks of the fields the wall added on top of the first protocol (typed events are no
 * validation, and a server one release behind sends none of them): whatever is malformed or
 * missing becomes "not known" instead of an exception in a panel.
 */

/** Hours in a HourlySeries: 24 of today's window and the same 24 a day earlier. */
export const HOURLY_LENGTH = 48;

/** The hourly series when it is well formed (48 finite non-negative counts), else null. */
export function readHourly(x: unknown): HourlySeries | null {
  if (typeof x !== 'object' || x === null) return null;
  const { startMs, counts } = x as Partial<HourlySeries>;
  if (typeof startMs !== 'number' || !Number.isFinite(startMs)) return null;
  if (!Array.isArray(counts) || counts.length !== HOURLY_LENGTH) return null;
  if (!counts.every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0)) return null;
  return { startMs, counts };
}

/** The server's time-limit warning threshold, or null when absent or out of (0, 1). */
export function readWarnAt(x: unknown): number | null {
  return typeof x === 'number' && x > 0 && x < 1 ? x : null;
}

export function readMetric(x: unknown): HeatMetric | null {
  return typeof x === 'string' && (HEAT_METRICS as readonly string[]).includes(x) ? (x as HeatMetric) : null;
}

/** Whether `x` has every field of an Alert the wall reads, with a value it can show. */
export function isAlert(x: unknown): x is Alert {
  if (typeof x !== 'object' || x === null) return false;
  const a = x as Partial<Alert>;
  return (
    typeof a.id === 'string' &&
    typeof a.seq === 'number' &&
    typeof a.kind === 'string' &&
    (ALERT_KINDS as readonly string[]).includes(a.kind) &&
    typeof a.regionId === 'string' &&
    typeof a.severity === 'string' &&
    (SEVERITIES as readonly string[]).includes(a.severity) &&
    typeof a.title === 'string' &&
    typeof a.raisedAt === 'string' &&
    !Number.isNaN(Date.parse(a.raisedAt)) &&
    typeof a.state === 'string' &&
    (ALERT_STATES as readonly string[]).includes(a.state)
  );
}

/** The well-formed alerts of a list (an absent list is an empty one). */
export function readAlerts(x: unknown): Alert[] {
  return Array.isArray(x) ? x.filter(isAlert) : [];
}

/** Panel counters (panel → region → counters) when the shape is right, else none. */
export function readPanels(x: unknown): PanelCounters {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return {};
  const out: PanelCounters = {};
  for (const [panel, byRegion] of Object.entries(x)) {
    if (typeof byRegion === 'object' && byRegion !== null && !Array.isArray(byRegion)) out[panel] = byRegion as Record<string, unknown>;
  }
  return out;
}

/**
 * The sum of a per-day series field (7 days, VolunteerCounters.activitiesByDay …) of one region's
 * counters in one panel, or null when absent or malformed.
 */
export function panelWeekTotal(panels: PanelCounters, panel: string, regionId: string, field: string): number | null {
  const c = panels[panel]?.[regionId];
  if (typeof c !== 'object' || c === null) return null;
  const v = (c as Record<string, unknown>)[field];
  if (!Array.isArray(v) || !v.every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0)) return null;
  return (v as number[]).reduce((a, n) => a + n, 0);
}

/** A non-negative count field of one region's counters in one panel, or null when absent or malformed. */
export function panelCount(panels: PanelCounters, panel: string, regionId: string, field: string): number | null {
  const c = panels[panel]?.[regionId];
  if (typeof c !== 'object' || c === null) return null;
  const v = (c as Record<string, unknown>)[field];
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
}
