/**
 * Colours the charts draw with, matching the CSS variables in app/theme.css (canvas cannot read
 * CSS variables cheaply, so they are repeated here once).
 *
 * Two colour families never mix: the time-limit lights (green / yellow / red: on track, warning,
 * overdue) and urgency (violet: urgent, critical). Emergency warning levels are shown red / orange
 * / yellow / blue elsewhere in a command centre, so urgency here keeps clear of those and of the
 * overdue red; every colour on screen has a label beside it.
 */
export const palette = {
  text: '#cfe8ff',
  textDim: '#7fa3c4',
  accent: '#2fe0ff',
  accentSoft: 'rgba(47, 224, 255, 0.25)',
  gridLine: 'rgba(80, 160, 220, 0.15)',
  regionEmpty: '#0c2440',
  regionBorder: 'rgba(120, 220, 255, 0.75)',
  focusBorder: '#ffe27a',
  tooltipBg: 'rgba(4, 18, 38, 0.92)',
  /** Heat, calm to hot. */
  heat: ['#0d3558', '#11628f', '#14a3c7', '#3fd9c9', '#f3d35b', '#f78b3d', '#ef4a3c'],
  /** Sources, in SOURCES order. */
  series: ['#2fe0ff', '#3d8bff', '#35e0a1', '#f3c34b', '#b47cff', '#ff7a6b'],
  /** Today's line and yesterday's, in the hourly chart. */
  today: '#2fe0ff',
  yesterday: '#8a9bb4',
  /** Time-limit lights (shared/events/timeLimits.ts slaLight). */
  sla: { green: '#35e0a1', yellow: '#f5d04c', red: '#ff4d4f' },
  /** Urgency tiers above normal. */
  severity: { urgent: '#b48cff', critical: '#e45cff' },
  /** Event dots on the map, by map/eventPoints PointKind. */
  points: { critical: '#e45cff', overdue: '#ff4d4f', open: '#2fe0ff', closed: '#35e0a1' },
  font: '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
  digits: '"DIN Alternate", "Bahnschrift", "Roboto Condensed", "Noto Sans", sans-serif',
} as const;
