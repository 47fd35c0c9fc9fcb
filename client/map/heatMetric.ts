import { closureRate } from '../../shared/aggregates/indicators';
import type { ScreenCounters } from '../../shared/aggregates/regionCounters';
import type { Region } from '../../shared/geo/region';
import type { PanelCounters } from '../../shared/protocol/socketProtocol';
import type { HeatMetric } from '../../shared/protocol/subscribeSchema';
import { formatNumber } from '../i18n/formatNumber';
import { panelCount, panelWeekTotal } from '../stream/inbound';

/** How one heat metric is read, scaled and printed. */
export interface HeatMetricSpec {
  /**
   * 'grow': 0 … a held maximum that only grows (counts and per-1,000 rates, see stableScaleMax);
   * 'fixed': 0 … 100 always (a percentage).
   */
  scale: 'grow' | 'fixed';
  /** Lowest top of a growing scale, in the metric's unit: a calm district stays calm-coloured. */
  floor: number;
  /** Low values are the bad ones (a closure rate): the colour ramp runs the other way. */
  lowIsHot: boolean;
  /** Decimals shown. */
  decimals: number;
}

export const HEAT_METRIC_SPECS: Record<HeatMetric, HeatMetricSpec> = {
  open: { scale: 'grow', floor: 10, lowIsHot: false, decimals: 0 },
  today: { scale: 'grow', floor: 10, lowIsHot: false, decimals: 0 },
  overdue: { scale: 'grow', floor: 5, lowIsHot: false, decimals: 0 },
  per1000: { scale: 'grow', floor: 0.5, lowIsHot: false, decimals: 2 },
  closureRate: { scale: 'fixed', floor: 100, lowIsHot: true, decimals: 1 },
  // Over 7 days, not today: a district's teams hold a few activities a day (activityMix.ts), so
  // a day's count leaves most of the map at 0 and blanks it every midnight.
  volunteerActivities: { scale: 'grow', floor: 5, lowIsHot: false, decimals: 0 },
  volunteersActive: { scale: 'grow', floor: 10, lowIsHot: false, decimals: 0 },
};

/** Whether a metric is read from the panel counters (a panel-only change recolours the map only then). */
export function readsPanels(metric: HeatMetric): metric is 'volunteerActivities' | 'volunteersActive' {
  return metric === 'volunteerActivities' || metric === 'volunteersActive';
}

/** What the map's regions are coloured from: the focus's event counters and panel counters, by region id. */
export interface HeatSources {
  counters: Readonly<Record<string, ScreenCounters>> | null;
  panels: Readonly<PanelCounters> | null;
}

/**
 * A region's value of a heat metric, or null when it cannot be said (no counters yet, nobody
 * lives there, nothing due to be closed, a server without the volunteer panel). Units: events for
 * the counts, open events per 1,000 residents (region population) for per1000, percent 0–100 for
 * closureRate, activities started in the last 7 days and volunteers checked in now.
 */
export function heatValue(metric: HeatMetric, sources: HeatSources, region: Region): number | null {
  if (readsPanels(metric)) {
    if (!sources.panels) return null;
    return metric === 'volunteersActive'
      ? panelCount(sources.panels, 'volunteer', region.id, 'volunteersActive')
      : panelWeekTotal(sources.panels, 'volunteer', region.id, 'activitiesByDay');
  }
  const c = sources.counters?.[region.id];
  if (!c) return null;
  switch (metric) {
    case 'open':
      return c.open;
    case 'today':
      return c.today;
    case 'overdue':
      return c.overdue;
    case 'per1000': {
      const people = region.population ?? 0;
      return people > 0 ? (c.open / people) * 1000 : null;
    }
    case 'closureRate': {
      const r = closureRate(c);
      return r === null ? null : r * 100;
    }
  }
}

/** A metric value as printed on the map and legend, per locale (null → '—'). */
export function formatHeatValue(metric: HeatMetric, v: number | null, locale: string): string {
  if (v === null) return '—';
  // Cached formatters: map labels are formatted on every frame the map draws.
  const n = formatNumber(v, locale, HEAT_METRIC_SPECS[metric].decimals);
  return metric === 'closureRate' ? `${n}%` : n;
}
