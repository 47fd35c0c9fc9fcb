import type { MessageSchema } from './zh-CN';

/** English; same keys as zh-CN (enforced by the type). */
export const en: MessageSchema = {
  app: {
    title: '{district} Grid Governance Command Centre',
    subtitle: 'Grid-based community governance · live',
    loadingGeography: 'Loading geography…',
    geographyFailed: 'Could not load geography: {message}',
  },
  lang: {
    switchTo: '中文',
    switchLabel: '切换到中文',
  },
  conn: {
    connecting: 'Connecting',
    live: 'Live',
    reconnecting: 'Reconnecting',
    refused: 'Refused',
    closed: 'Disconnected',
    staleSince: 'stale since {time}',
  },
  problem: {
    protocol_mismatch: 'This screen is out of date with the server; please reload',
    unknown_region: 'The server does not know this region',
    bad_request: 'Bad request',
    unauthorised: 'Not authorised',
  },
  level: {
    district: 'District',
    street: 'Street',
    community: 'Community',
    grid: 'Grid',
  },
  levelInText: {
    district: 'district',
    street: 'street',
    community: 'community',
    grid: 'grid',
  },
  nav: {
    back: 'Up one level',
    hint: 'Click a region to drill down',
    gridHint: 'Grids are the smallest unit; click a neighbour to switch',
  },
  kpi: {
    title: 'Key indicators',
    today: 'Today',
    open: 'Open',
    closedToday: 'Closed today',
    total: 'All time',
    overdue: 'Overdue',
    closureRate: 'Closure rate',
    closureRateNote: 'closed / due',
    onTimeRate: 'On-time rate',
    onTimeRateNote: 'closed on time / due',
  },
  feed: {
    title: 'Live events',
    empty: 'No events',
    waiting: 'Waiting for data…',
  },
  mix: {
    category: "Today's events by category",
    source: "Today's events by source",
    empty: 'No events today',
    count: 'events',
  },
  rank: {
    title: 'Open events by {level}',
    gridLevel: 'A grid has no sub-regions',
    none: 'No open events',
  },
  profile: {
    title: 'Grid profile',
    kind: 'Kind',
    comprehensive: 'Comprehensive',
    dedicated: 'Dedicated',
    population: 'Residents',
    households: 'Households',
  },
  map: {
    legend: 'Open events',
    open: 'Open',
    today: 'Today',
    closedToday: 'Closed today',
    noData: 'No data',
    focused: 'Focused grid',
  },
  unit: {
    events: '',
  },
};
