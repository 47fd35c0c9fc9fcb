import { z } from 'zod';
import { CATEGORIES, SEVERITIES, SEVERITY_LABELS, type Severity } from '../events/categories';
import type { GridEvent } from '../events/gridEvent';
import { DEDICATED_TYPES, LEVELS, type Region } from '../geo/region';
import type { HourlySeries } from '../protocol/socketProtocol';
import type { Alert, AlertKind } from './alert';

const atLeast = z.enum(SEVERITIES);

/** config/alert-rules.json */
export const alertRulesSchema = z
  .object({
    $comment: z.string().optional(),
    criticalEvent: z.object({ enabled: z.boolean(), severityAtLeast: atLeast }).strict(),
    overdue: z.object({ enabled: z.boolean(), severityAtLeast: atLeast }).strict(),
    spike: z
      .object({
        enabled: z.boolean(),
        levels: z.array(z.enum(LEVELS)).min(1),
        /** Raise when this hour's reports ≥ factor × the same hour yesterday (at least 1)… */
        factor: z.number().gt(1),
        /** …and at least this many. */
        minCount: z.number().int().positive(),
        /**
         * Reports the region must have had in the 47 hours before this one: without a history
         * there is no "usual" to be far above (a fresh install would alert everywhere).
         */
        minHistory: z.number().int().nonnegative().default(24),
      })
      .strict(),
    dedicatedGrid: z.object({ enabled: z.boolean(), severityAtLeast: atLeast, types: z.array(z.enum(DEDICATED_TYPES)).min(1) }).strict(),
  })
  .strict();
export type AlertRules = z.output<typeof alertRulesSchema>;

/** An alert to raise; `id` is its dedupe key, so a rule fires once per event (or region-hour). */
export type NewAlert = Pick<Alert, 'id' | 'kind' | 'eventId' | 'regionId' | 'severity' | 'title' | 'detail'> & { raisedAtMs: number };

const rank = (s: Severity) => SEVERITIES.indexOf(s);
const categoryZh = (c: GridEvent['category']) => CATEGORIES.find((x) => x.code === c)?.zh ?? c;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

function forEvent(kind: AlertKind, e: GridEvent, grid: Region | undefined, title: string, atMs: number): NewAlert {
  return { id: `${kind}:${e.id}`, kind, eventId: e.id, regionId: e.gridId, severity: e.severity, title, detail: { category: e.category }, raisedAtMs: atMs };
}

/**
 * The alerts one stored change of an event raises under `rules`: a new event of high severity
 * or in a watched dedicated grid, or an event turning overdue. Pure.
 */
export function alertsForChange(before: GridEvent | null, e: GridEvent, grid: Region | undefined, rules: AlertRules, atMs: number): NewAlert[] {
  const out: NewAlert[] = [];
  const place = grid?.name ?? e.gridId;
  if (before === null) {
    if (rules.criticalEvent.enabled && rank(e.severity) >= rank(rules.criticalEvent.severityAtLeast))
      out.push(forEvent('critical_event', e, grid, `【${SEVERITY_LABELS[e.severity].zh}】${categoryZh(e.category)} · ${place}：${clip(e.description, 40)}`, atMs));
    if (
      rules.dedicatedGrid.enabled &&
      grid?.kind === 'dedicated' &&
      grid.dedicatedType !== undefined &&
      rules.dedicatedGrid.types.includes(grid.dedicatedType) &&
      rank(e.severity) >= rank(rules.dedicatedGrid.severityAtLeast)
    )
      out.push(forEvent('dedicated_grid', e, grid, `【专属网格】${place}：${categoryZh(e.category)}，${clip(e.description, 30)}`, atMs));
  } else if (before.overdueAt === null && e.overdueAt !== null) {
    if (rules.overdue.enabled && rank(e.severity) >= rank(rules.overdue.severityAtLeast))
      out.push(forEvent('overdue', e, grid, `【超时】${categoryZh(e.category)} · ${place} 已超过办理时限`, atMs));
  }
  return out;
}

/**
 * A spike alert for `region` when its reports in the current hour (the series' last slot) reach
 * the rule's bar against its usual hour — the larger of the same hour yesterday and its mean
 * hour over the past day — once it has a history; its id names the hour, so it fires once. Pure.
 */
export function spikeAlert(region: Region, series: HourlySeries, rules: AlertRules, atMs: number): NewAlert | null {
  if (!rules.spike.enabled || !rules.spike.levels.includes(region.level)) return null;
  const n = series.counts.length;
  const count = series.counts[n - 1];
  if (count < rules.spike.minCount) return null;
  const before = series.counts.slice(0, n - 1);
  if (before.reduce((a, b) => a + b, 0) < rules.spike.minHistory) return null;
  const lastDay = series.counts.slice(Math.max(0, n - 25), n - 1);
  const usual = Math.max(series.counts[n - 25] ?? 0, Math.round(lastDay.reduce((a, b) => a + b, 0) / Math.max(lastDay.length, 1)));
  if (count < rules.spike.factor * Math.max(usual, 1)) return null;
  const hourStart = series.startMs + (n - 1) * 3600_000;
  return {
    id: `spike:${region.id}:${hourStart}`,
    kind: 'spike',
    eventId: null,
    regionId: region.id,
    severity: 'urgent',
    title: `【激增】${region.name} 本小时已上报 ${count} 件，平常约 ${usual} 件`,
    detail: { count, usual },
    raisedAtMs: atMs,
  };
}
