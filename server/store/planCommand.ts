import type { EventTransition, GridEvent } from '../../shared/events/gridEvent';
import { allowedActions, nextStatus } from '../../shared/events/eventLifecycle';
import type { StoreCommand } from './eventStore';

const iso = (ms: number) => new Date(ms).toISOString();

/** The decision for one command, before seqs are allocated (seq fields are 0 placeholders). */
export type CommandPlan =
  | { type: 'create'; event: GridEvent; transition: EventTransition }
  | { type: 'duplicate'; event: GridEvent }
  | { type: 'update'; kind: 'event.transition' | 'event.overdue'; before: GridEvent; event: GridEvent; transition: EventTransition | null }
  | { type: 'unchanged'; event: GridEvent }
  | { type: 'not_found'; eventId: string }
  | { type: 'refused'; event: GridEvent; reason: 'not_allowed' | 'stale'; message: string };

/**
 * Decides what a command does to an event's current state (null when not stored): the lifecycle
 * rules, shared by every store implementation so they cannot disagree. Pure.
 */
export function planCommand(current: GridEvent | null, cmd: StoreCommand): CommandPlan {
  if (cmd.type === 'create') {
    if (current) return { type: 'duplicate', event: current };
    const r = cmd.record;
    const event: GridEvent = {
      id: r.id,
      seq: 0,
      updatedSeq: 0,
      category: r.category,
      severity: r.severity,
      source: r.source,
      lon: r.lon,
      lat: r.lat,
      gridId: r.gridId,
      description: r.description,
      status: 'reported',
      reportedAt: iso(r.reportedAtMs),
      receivedAt: iso(r.receivedAtMs),
      closedAt: null,
      deadline: iso(r.deadlineMs),
      overdueAt: null,
      unit: null,
      reporter: r.reporter,
    };
    const transition: EventTransition = {
      seq: 0,
      eventId: r.id,
      action: 'report',
      fromStatus: null,
      toStatus: 'reported',
      actor: r.actor,
      note: '',
      unit: null,
      at: iso(r.receivedAtMs),
    };
    return { type: 'create', event, transition };
  }
  if (!current) return { type: 'not_found', eventId: cmd.eventId };

  if (cmd.type === 'markOverdue') {
    if (current.overdueAt !== null || current.status === 'closed' || current.status === 'rejected')
      return { type: 'unchanged', event: current };
    return { type: 'update', kind: 'event.overdue', before: current, event: { ...current, overdueAt: iso(cmd.atMs) }, transition: null };
  }

  if (cmd.expectedStatus !== undefined && cmd.expectedStatus !== current.status)
    return {
      type: 'refused',
      event: current,
      reason: 'stale',
      message: `event ${current.id} is ${current.status} now, not ${cmd.expectedStatus}: someone else changed it first`,
    };
  const to = nextStatus(current.status, cmd.action);
  if (to === null) {
    const allowed = allowedActions(current.status);
    return {
      type: 'refused',
      event: current,
      reason: 'not_allowed',
      message: `cannot ${cmd.action} an event that is ${current.status}; allowed: ${allowed.length ? allowed.join(', ') : 'none (final)'}`,
    };
  }
  const at = iso(cmd.atMs);
  const unit = cmd.action === 'dispatch' ? cmd.unit : cmd.action === 'return' ? null : current.unit;
  const event: GridEvent = {
    ...current,
    status: to,
    unit,
    closedAt: to === 'closed' || to === 'rejected' ? at : null,
  };
  const transition: EventTransition = {
    seq: 0,
    eventId: current.id,
    action: cmd.action,
    fromStatus: current.status,
    toStatus: to,
    actor: cmd.actor,
    note: cmd.note,
    unit: cmd.action === 'dispatch' ? cmd.unit : null,
    at,
  };
  return { type: 'update', kind: 'event.transition', before: current, event, transition };
}
