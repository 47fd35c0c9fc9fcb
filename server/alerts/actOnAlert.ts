import type { Alert, AlertState } from '../../shared/alerts/alert';
import { ALERT_ACTIONS, nextAlertState, type AlertAction } from '../../shared/alerts/alertLifecycle';
import type { AlertActOutcome } from './alertStore';

const iso = (ms: number) => new Date(ms).toISOString();

/** What an action does to an alert's current state: the new state, or why not. Pure; every store uses it. */
export function actOnAlert(current: Alert, action: AlertAction, actor: string, atMs: number, expectedState?: AlertState): AlertActOutcome {
  if (expectedState !== undefined && expectedState !== current.state) {
    const who = current.state === 'handled' ? current.handledBy : current.acknowledgedBy;
    return { type: 'refused', alert: current, reason: 'stale', message: `alert is ${current.state} now${who ? ` (by ${who})` : ''}, not ${expectedState}: someone else acted first` };
  }
  const to = nextAlertState(current.state, action);
  if (to === null) {
    const allowed = (Object.keys(ALERT_ACTIONS) as AlertAction[]).filter((a) => nextAlertState(current.state, a) !== null);
    const who = current.state === 'handled' ? ` by ${current.handledBy}` : current.state === 'acknowledged' ? ` by ${current.acknowledgedBy}` : '';
    return { type: 'refused', alert: current, reason: 'not_allowed', message: `cannot ${action} an alert that is ${current.state}${who}; allowed: ${allowed.join(', ') || 'none'}` };
  }
  const alert: Alert = { ...current, state: to };
  if (action === 'acknowledge') Object.assign(alert, { acknowledgedBy: actor, acknowledgedAt: iso(atMs) });
  if (action === 'handle') {
    Object.assign(alert, { handledBy: actor, handledAt: iso(atMs) });
    if (current.acknowledgedBy === null) Object.assign(alert, { acknowledgedBy: actor, acknowledgedAt: iso(atMs) });
  }
  return { type: 'changed', alert };
}
