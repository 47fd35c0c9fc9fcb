import type { Alert } from '../../shared/alerts/alert';
import type { Action } from '../../shared/events/eventLifecycle';
import { ACTIONS, allowedActions, needsUnit } from '../../shared/events/eventLifecycle';
import type { GridEvent } from '../../shared/events/gridEvent';
import { isFinal, type EventStatus } from '../../shared/events/status';

/** What the console offers to do with an alert (and the event behind it). */
export type DeskAction =
  /** Acknowledge the alert ("I have it"); `alsoAccept`: and accept (受理) its event, still just reported. */
  | { kind: 'acknowledge'; alsoAccept: boolean }
  /**
   * Move the event one step along the closed loop. `primary`: the step forward (the others are
   * side paths: reject, return, rework). `closesLoop`: it ends the event (the alert is then
   * marked handled too). `needsUnit`: dispatch names a unit.
   */
  | { kind: 'transition'; action: Action; primary: boolean; needsUnit: boolean; closesLoop: boolean }
  /** Mark the alert handled (a spike dealt with, or an event already closed). */
  | { kind: 'handle' };

/** The loop's way forward from each open status. */
const FORWARD: Partial<Record<EventStatus, Action>> = {
  reported: 'accept',
  accepted: 'dispatch',
  dispatched: 'start',
  handling: 'resolve',
  resolved: 'close',
};

/**
 * The actions to show for an alert, given its event as last seen (`undefined` while it is being
 * loaded, `null` when the alert has none — a spike is about a region). Only what the event's
 * current status allows is offered, forward step first, so a button never promises a move the
 * server will refuse; acknowledging comes first while the alert is new.
 */
export function offeredActions(alert: Alert, event: GridEvent | null | undefined): DeskAction[] {
  if (alert.state === 'handled') return [];
  const ack: DeskAction[] = alert.state === 'new' ? [{ kind: 'acknowledge', alsoAccept: event?.status === 'reported' }] : [];
  if (alert.eventId === null || event === null) return [...ack, { kind: 'handle' }];
  if (event === undefined) return ack;
  if (isFinal(event.status)) return [...ack, { kind: 'handle' }];
  const forward = FORWARD[event.status];
  const allowed = allowedActions(event.status)
    // Accepting is folded into acknowledging while the alert is new.
    .filter((a) => !(a === 'accept' && alert.state === 'new'))
    .sort((a, b) => Number(b === forward) - Number(a === forward));
  return [
    ...ack,
    ...allowed.map<DeskAction>((action) => ({
      kind: 'transition',
      action,
      primary: action === forward,
      needsUnit: needsUnit(action),
      closesLoop: ACTIONS[action].to !== 'same' && isFinal(ACTIONS[action].to as EventStatus),
    })),
  ];
}
