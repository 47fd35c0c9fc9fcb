import type { ScreenCounters } from '../../shared/aggregates/regionCounters';
import { escapeHtml } from '../text/escapeHtml';

export interface MapTooltipLabels {
  open: string;
  today: string;
  closedToday: string;
  noData: string;
}

/**
 * HTML of a region's map tooltip. ECharts renders tooltip strings as HTML, so every piece of
 * text — region names come from an imported file, labels from translations — is escaped here.
 */
export function mapTooltipHtml(name: string, levelLabel: string, counters: ScreenCounters | null, labels: MapTooltipLabels): string {
  const head = `<div style="font-weight:600;font-size:15px;margin-bottom:4px">${escapeHtml(name)}` +
    ` <span style="opacity:.6;font-weight:400;font-size:12px">${escapeHtml(levelLabel)}</span></div>`;
  if (!counters) return `${head}<div style="opacity:.7">${escapeHtml(labels.noData)}</div>`;
  const row = (label: string, value: number, colour: string) =>
    `<div style="display:flex;justify-content:space-between;gap:18px"><span style="opacity:.75">${escapeHtml(label)}</span>` +
    `<b style="color:${colour};font-variant-numeric:tabular-nums">${escapeHtml(value)}</b></div>`;
  return head + row(labels.open, counters.open, '#ffb347') + row(labels.today, counters.today, '#2fe0ff') +
    row(labels.closedToday, counters.closedToday, '#35e0a1');
}
