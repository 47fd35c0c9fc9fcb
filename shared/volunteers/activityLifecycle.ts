/**
 * An activity's life: planned (created with its planned times) → ongoing (started explicitly,
 * or by its first check-in) → ended (with the resident-visits served; anyone still checked in
 * is checked out then); a planned activity may be cancelled. Check-ins are taken while it is
 * planned or ongoing, check-outs while it is ongoing.
 */
export const ACTIVITY_STATUSES = ['planned', 'ongoing', 'ended', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, { zh: string; en: string }> = {
  planned: { zh: '待开展', en: 'Planned' },
  ongoing: { zh: '进行中', en: 'Ongoing' },
  ended: { zh: '已结束', en: 'Ended' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

export const ACTIVITY_ACTIONS = {
  start: { from: ['planned'], to: 'ongoing', zh: '开始', en: 'Start' },
  end: { from: ['ongoing'], to: 'ended', zh: '结束', en: 'End' },
  cancel: { from: ['planned'], to: 'cancelled', zh: '取消', en: 'Cancel' },
} as const satisfies Record<string, { from: readonly ActivityStatus[]; to: ActivityStatus; zh: string; en: string }>;

export type ActivityAction = keyof typeof ACTIVITY_ACTIONS;
export const ACTIVITY_ACTION_CODES = Object.keys(ACTIVITY_ACTIONS) as [ActivityAction, ...ActivityAction[]];

/** What may be done to an activity in `status`: its actions, plus check-in / check-out. */
export type ActivityMove = ActivityAction | 'check-in' | 'check-out';

const CHECK_IN_FROM: readonly ActivityStatus[] = ['planned', 'ongoing'];
const CHECK_OUT_FROM: readonly ActivityStatus[] = ['ongoing'];

/** Moves allowed from a status, in the life's order. */
export function allowedActivityMoves(status: ActivityStatus): ActivityMove[] {
  const out: ActivityMove[] = [];
  if (CHECK_IN_FROM.includes(status)) out.push('check-in');
  if (CHECK_OUT_FROM.includes(status)) out.push('check-out');
  for (const a of ACTIVITY_ACTION_CODES) if ((ACTIVITY_ACTIONS[a].from as readonly ActivityStatus[]).includes(status)) out.push(a);
  return out;
}

/** The status an action leads to from `status`, or null when the action is not allowed. */
export function nextActivityStatus(status: ActivityStatus, action: ActivityAction): ActivityStatus | null {
  const a = ACTIVITY_ACTIONS[action];
  return (a.from as readonly ActivityStatus[]).includes(status) ? a.to : null;
}

export function canCheckIn(status: ActivityStatus): boolean {
  return CHECK_IN_FROM.includes(status);
}

export function canCheckOut(status: ActivityStatus): boolean {
  return CHECK_OUT_FROM.includes(status);
}

export function isActivityFinal(status: ActivityStatus): boolean {
  return status === 'ended' || status === 'cancelled';
}
