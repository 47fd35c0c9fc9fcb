import type { EventStatus } from './status';

/**
 * The closed loop as explicit moves. Each action names who does it in practice:
 * 受理员 accepts or rejects, 派遣员 dispatches (to a department or unit), the department may
 * return it (回退) or start handling, feeds the result back (反馈), and the 值班长/监督员
 * verifies: closes it (核查办结) or sends it back for rework (返工).
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
} as const satisfies Record<string, { from: readonly EventStatus[]; to: EventStatus; zh: string; en: string }>;

export type Action = keyof typeof ACTIONS;
export const ACTION_CODES = Object.keys(ACTIONS) as [Action, ...Action[]];

/** Actions allowed from a status, in the loop's order. */
export function allowedActions(status: EventStatus): Action[] {
  return ACTION_CODES.filter((a) => (ACTIONS[a].from as readonly EventStatus[]).includes(status));
}

/** The status an action leads to from `status`, or null when the move is not allowed. */
export function nextStatus(status: EventStatus, action: Action): EventStatus | null {
  const a = ACTIONS[action];
  return (a.from as readonly EventStatus[]).includes(status) ? a.to : null;
}

/** Actions that need a unit (department) named. */
export function needsUnit(action: Action): boolean {
  return action === 'dispatch';
}
