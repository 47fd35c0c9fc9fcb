import type { PageMessages } from '../auth/addMessages';

const zh = {
  tablet: {
    title: '领导移动端',
    centre: '{district}网格化社会治理指挥中心',
    loading: '正在加载地理数据…',
    geographyFailed: '地理数据加载失败：{message}',
    hint: '轻点区域下钻 · 双指缩放、拖动地图 · 点“返回上级”回退',
    resetView: '复位地图',
    alerts: '待处理告警',
    unitAlerts: '条',
    releaseNow: '收回',
    problem: '实时连接异常：{message}',
  },
};

export const tabletMessages: PageMessages<typeof zh> = {
  'zh-CN': zh,
  en: {
    tablet: {
      title: 'Leaders\u2019 tablet',
      centre: '{district} Grid Governance Command Centre',
      loading: 'Loading geography…',
      geographyFailed: 'Could not load geography: {message}',
      hint: 'Tap a region to drill down · pinch to zoom, drag to pan · \u201cBack\u201d to go up',
      resetView: 'Reset map',
      alerts: 'Alerts waiting',
      unitAlerts: '',
      releaseNow: 'Release',
      problem: 'Live link problem: {message}',
    },
  },
};
