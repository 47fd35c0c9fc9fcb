import type { AlertState } from './alert';

/** What a duty officer does with an alert: acknowledge it (I have it), then mark it handled. */
export const ALERT_ACTIONS = {
  acknowledge: { from: ['new'], to: 'acknowledged' },
  handle: { from: ['new', 'acknowledged'], to: 'handled' },
} as const satisfies Record<string, { from: readonly AlertState[]; to: AlertState }>;
export type AlertAction = keyof typeof ALERT_ACTIONS;
export const ALERT_ACTION_CODES = Object.keys(ALERT_ACTIONS) as [AlertAction, ...AlertAction[]];

/** The state an action leads to, or null when not allowed from `state`. */
export function nextAlertState(state: AlertState, action: AlertAction): AlertState | null {
  const a = ALERT_ACTIONS[action];
  return (a.from as readonly AlertState[]).includes(state) ? a.to : null;
}
