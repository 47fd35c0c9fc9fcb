import type { EventStatus } from './status';

/**
 * The closed loop as explicit moves. Each action names who does it in practice:
 * 受理员 accepts or rejects, 派遣员 dispatches (to a department or unit), the department may
 * return it (回退) or start handling, feeds the result back (反馈), and the 值班长/监督员
 * verifies: closes it (核查办结) or sends it back for rework (返工). While a department has it, the
 * command centre may urge it on (催办): a step on the case's timeline that leaves its status
 * (`to: 'same'`), at most once every `urgeMinMinutes` (config/time-limits.json). Anyone working an open case may add a
 * note to its timeline (补充说明: a call made, what the resident said) without moving it.
 */
export const ACTIONS = {
  accept: { from: ['reported'], to: 'accepted', zh: '受理', en: 'Accept' },
  reject: { from: ['reported', 'accepted'], to: 'rejected', zh: '不予受理', en: 'Reject' },
  dispatch: { from: ['accepted'], to: 'dispatched', zh: '派遣', en: 'Dispatch' },
  return: { from: ['dispatched'], to: 'accepted', zh: '回退', en: 'Return' },
  start: { from: ['dispatched'], to: 'handling', zh: '开始处置', en: 'Start handling' },
  resolve: { from: ['handling'], to: 'resolved', zh: '反馈', en: 'Report result' },
  rework: { from: ['resolved'], to: 'handling', zh: '返工', en: 'Send back for rework' },
  close: { from: ['resolved'], to: 'closed', zh: '核查办结', en: 'Verify and close' },
  urge: { from: ['dispatched', 'handling'], to: 'same', zh: '催办', en: 'Urge' },
  note: { from: ['reported', 'accepted', 'dispatched', 'handling', 'resolved'], to: 'same', zh: '补充说明', en: 'Add a note' },
} as const satisfies Record<string, { from: readonly EventStatus[]; to: EventStatus | 'same'; zh: string; en: string }>;

export type Action = keyof typeof ACTIONS;
export const ACTION_CODES = Object.keys(ACTIONS) as [Action, ...Action[]];

/** Actions allowed from a status, in the loop's order. */
export function allowedActions(status: EventStatus): Action[] {
  return ACTION_CODES.filter((a) => (ACTIONS[a].from as readonly EventStatus[]).includes(status));
}

/** The status an action leads to from `status`, or null when the move is not allowed. */
export function nextStatus(status: EventStatus, action: Action): EventStatus | null {
  const a = ACTIONS[action];
  if (!(a.from as readonly EventStatus[]).includes(status)) return null;
  return a.to === 'same' ? status : a.to;
}

/**
 * When a 催办 of an event with this history would come too soon after the last one (less than
 * `minIntervalMs` ago): that one and when the next is allowed (epoch ms); null when it may be sent now.
 */
export function urgeTooSoon(
  history: readonly { action: string; at: string; actor: string }[],
  nowMs: number,
  minIntervalMs: number,
): { lastBy: string; lastAt: string; nextAtMs: number } | null {
  let last: { at: string; actor: string } | null = null;
  for (const t of history) if (t.action === 'urge' && (last === null || t.at > last.at)) last = t;
  if (!last) return null;
  const nextAtMs = Date.parse(last.at) + minIntervalMs;
  return nowMs < nextAtMs ? { lastBy: last.actor, lastAt: last.at, nextAtMs } : null;
}

/** Actions that need a unit (department) named. */
export function needsUnit(action: Action): boolean {
  return action === 'dispatch';
}
