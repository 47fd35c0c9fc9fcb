/**
 * Simplified Chinese, the wall's first language. The English file must carry the same keys
 * (checked by the type of `en`). Category, source, status and severity names are not here:
 * they come from shared/events (one source for server, screens and docs).
 */
export const zhCN = {
  app: {
    title: '{district}网格化社会治理指挥中心',
    subtitle: '网格化社会治理 · 实时态势',
    loadingGeography: '正在加载地理数据…',
    geographyFailed: '地理数据加载失败：{message}',
  },
  lang: {
    switchTo: 'EN',
    switchLabel: 'Switch to English',
  },
  conn: {
    connecting: '连接中',
    live: '实时',
    reconnecting: '重连中',
    refused: '连接被拒',
    closed: '已断开',
    staleSince: '数据截至 {time}',
  },
  problem: {
    protocol_mismatch: '屏幕版本与服务端不一致，请刷新页面',
    unknown_region: '服务端不认识该区域',
    bad_request: '请求有误',
    unauthorised: '未获授权',
  },
  level: {
    district: '区',
    street: '街道',
    community: '社区',
    grid: '网格',
  },
  /** A level's name inside a sentence ("下辖{level}…"); English needs lower case there. */
  levelInText: {
    district: '区',
    street: '街道',
    community: '社区',
    grid: '网格',
  },
  nav: {
    back: '返回上级',
    hint: '点击区域下钻',
    gridHint: '网格为最小单元，点击相邻网格切换',
  },
  kpi: {
    title: '核心指标',
    today: '今日事件',
    open: '未办结',
    closedToday: '今日办结',
    total: '累计事件',
    overdue: '超时',
    closureRate: '办结率',
    closureRateNote: '办结数 / 应办结数',
    onTimeRate: '按期办结率',
    onTimeRateNote: '按期办结数 / 应办结数',
  },
  feed: {
    title: '实时事件',
    empty: '暂无事件',
    waiting: '等待数据…',
  },
  mix: {
    category: '今日事件类型',
    source: '今日事件来源',
    empty: '今日暂无事件',
    count: '件',
  },
  rank: {
    title: '下辖{level}未办结排行',
    gridLevel: '当前为网格，无下辖区域',
    none: '暂无未办结事件',
  },
  profile: {
    title: '网格概况',
    kind: '网格类型',
    comprehensive: '综合网格',
    dedicated: '专属网格',
    population: '常住人口',
    households: '户数',
  },
  map: {
    legend: '未办结事件数',
    open: '未办结',
    today: '今日事件',
    closedToday: '今日办结',
    noData: '暂无数据',
    focused: '当前网格',
  },
  unit: {
    events: '件',
  },
};

export type MessageSchema = typeof zhCN;
