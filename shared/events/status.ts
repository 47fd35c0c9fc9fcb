/**
 * Where an event stands in the closed loop 上报 → 受理 → 派遣 → 处置 → 反馈 → 核查办结.
 * The allowed moves between them are in eventLifecycle.ts.
 */
export const STATUSES = ['reported', 'accepted', 'dispatched', 'handling', 'resolved', 'closed', 'rejected'] as const;
export type EventStatus = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<EventStatus, { zh: string; en: string }> = {
  reported: { zh: '已上报', en: 'Reported' },
  accepted: { zh: '已受理', en: 'Accepted' },
  dispatched: { zh: '已派遣', en: 'Dispatched' },
  handling: { zh: '处置中', en: 'Handling' },
  resolved: { zh: '已反馈', en: 'Resolved' },
  closed: { zh: '已办结', en: 'Closed' },
  rejected: { zh: '不予受理', en: 'Rejected' },
};
/** Final states: the event no longer counts as open. */
export function isFinal(s: EventStatus): boolean {
  return s === 'closed' || s === 'rejected';
}
