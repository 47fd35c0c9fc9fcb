/**
 * Colours the charts draw with, matching the CSS variables in app/theme.css (canvas cannot read
 * CSS variables cheaply, so they are repeated here once).
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
  /** Heat of open events, calm to hot. */
  heat: ['#0d3558', '#11628f', '#14a3c7', '#3fd9c9', '#f3d35b', '#f78b3d', '#ef4a3c'],
  /** Sources, in SOURCES order. */
  series: ['#2fe0ff', '#3d8bff', '#35e0a1', '#f3c34b', '#b47cff', '#ff7a6b'],
  font: '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
} as const;
