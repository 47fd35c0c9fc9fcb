/**
 * This folder's own labels, merged into the app's i18n once on import (the app's message files
 * stay as they are). Keys live under `activities.`.
 */
import { i18n } from '../i18n/i18n';

const zhCN = {
  activities: {
    volunteer: { title: '志愿服务', today: '今日', activities: '开展活动', active: '在岗人数', visits: '服务人次', hours: '服务时长', hoursUnit: '小时', byType: '今日活动类型', trend: '近7日活动', noneToday: '今日暂无活动', pending: '等待数据' },
    serviceCard: {
      title: '服务卡',
      today: '今日',
      all: '累计',
      acceptance: '平均接单',
      minutes: '分钟',
      rating: '满意度',
      satisfied: '好评率',
      ofFirst: '占点单',
      pending: '等待数据',
    },
  },
};
const en: typeof zhCN = {
  activities: {
    volunteer: { title: 'Volunteers', today: 'today', activities: 'Started', active: 'On duty', visits: 'Visits', hours: 'Hours', hoursUnit: 'h', byType: "Today's activities by type", trend: 'Activities, 7 days', noneToday: 'No activity today yet', pending: 'Waiting for data' },
    serviceCard: {
      title: 'Service card',
      today: 'today',
      all: 'all time',
      acceptance: 'To accept',
      minutes: 'min',
      rating: 'Rating',
      satisfied: '4–5★',
      ofFirst: 'of requested',
      pending: 'Waiting for data',
    },
  },
};

let merged = false;
/** Adds the labels (once). */
export function ensureActivityMessages(): void {
  if (merged) return;
  merged = true;
  i18n.global.mergeLocaleMessage('zh-CN', zhCN as never);
  i18n.global.mergeLocaleMessage('en', en as never);
}
ensureActivityMessages();
