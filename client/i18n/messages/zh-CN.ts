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
    signedOut: '本屏未登录：请用管理员下发的大屏链接（含 ?screen=）打开，或先登录',
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
    hint: '点击区域下钻 · 右键或 Esc 返回',
    gridHint: '网格为最小单元 · 点击相邻网格切换',
  },
  kpi: {
    today: '今日事件',
    open: '未办结',
    overdue: '超时未办',
    closureRate: '办结率',
    onTimeRate: '按期办结率',
    onPatrol: '在岗网格员',
    volunteers: '活跃志愿者',
    notConnected: '待接入',
    notConnectedTip: '待接入：尚无数据来源',
    unitEvents: '件',
    unitPeople: '人',
    closureRateNote: '办结数 / 应办结数',
    onTimeRateNote: '按期办结数 / 应办结数',
  },
  trend: {
    title: '分时事件量 · 今日与昨日',
    today: '今日',
    yesterday: '昨日',
    hour: '{h}时',
    waiting: '等待服务端提供分时数据',
    tooltipHour: '{h}:00–{h}:59',
  },
  feed: {
    title: '实时事件',
    empty: '暂无事件',
    waiting: '等待数据…',
    remaining: '剩 {t}',
    late: '超 {t}',
    hours: '{n}小时',
    minutes: '{n}分',
  },
  sla: {
    green: '正常',
    yellow: '预警',
    red: '超时',
    done_on_time: '按期办结',
    done_late: '超期办结',
  },
  severityTag: {
    urgent: '紧急',
    critical: '非常紧急',
  },
  mix: {
    category: '今日事件类型',
    source: '今日事件来源',
    empty: '今日暂无事件',
  },
  rank: {
    title: '下辖{level}考评排行',
    siblings: '本社区网格考评排行',
    closure: '办结率',
    overdue: '超时件数',
    grade: '等级',
    noRates: '暂无应办结事件',
    noOverdue: '暂无超时事件',
    gridLevel: '当前为网格，无下辖区域',
  },
  alerts: {
    title: '告警',
    none: '暂无告警',
    more: '另有 {n} 条',
    spike: '本小时已上报 {count} 件，昨日同时段 {usual} 件',
    kind: {
      critical_event: '非常紧急',
      overdue: '超时',
      spike: '事件突增',
      dedicated_grid: '专属网格',
    },
    state: {
      new: '新',
      acknowledged: '已确认',
      handled: '已处置',
    },
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
    metricLabel: '着色指标',
    metric: {
      open: '未办结',
      today: '今日事件',
      overdue: '超时未办',
      per1000: '每千人未办结',
      closureRate: '办结率',
    },
    legend: {
      open: '未办结事件（件）',
      today: '今日事件（件）',
      overdue: '超时未办（件）',
      per1000: '每千人未办结（件）',
      closureRate: '办结率（%）',
    },
    points: {
      title: '事件点位',
      critical: '非常紧急',
      overdue: '超时',
      open: '办理中',
      closed: '已办结',
      fresh: '新上报（闪烁）',
    },
    open: '未办结',
    today: '今日事件',
    closedToday: '今日办结',
    noData: '暂无数据',
  },
  tour: {
    running: '自动轮巡 {i}/{n}',
    paused: '轮巡暂停 · 无操作后继续',
    drivenBy: '{by} 推送画面中',
  },
  unit: {
    events: '件',
  },
};

export type MessageSchema = typeof zhCN;
