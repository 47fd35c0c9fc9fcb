import type { EventTransition, GridEvent } from '../../shared/events/gridEvent';
import { transitionSchema } from '../../shared/events/transitionSchema';
import { allowedActions } from '../../shared/events/eventLifecycle';
import type { EventWriter } from './eventWriter';
import { zodIssues, type FieldIssue } from './ingestEvents';

export type TransitionResult =
  | { kind: 'done'; event: GridEvent; transition: EventTransition }
  | { kind: 'invalid'; issues: FieldIssue[] }
  | { kind: 'not_found' }
  | { kind: 'conflict'; event: GridEvent; reason: 'not_allowed' | 'stale'; message: string; allowed: string[] };

/** Moves an event one step along the closed loop, durably, or says why it cannot. */
export async function applyTransition(writer: EventWriter, now: () => number, eventId: string, body: unknown, actor: string): Promise<TransitionResult> {
  const parsed = transitionSchema.safeParse(body);
  if (!parsed.success) return { kind: 'invalid', issues: zodIssues(parsed.error) };
  const t = parsed.data;
  const o = await writer.submit({
    type: 'transition',
    eventId,
    action: t.action,
    actor,
    note: t.note,
    unit: t.unit ?? null,
    atMs: now(),
    expectedStatus: t.expectedStatus,
  });
  switch (o.type) {
    case 'changed':
      return { kind: 'done', event: o.event, transition: o.transition! };
    case 'not_found':
      return { kind: 'not_found' };
    case 'refused':
      return { kind: 'conflict', event: o.event, reason: o.reason, message: o.message, allowed: allowedActions(o.event.status) };
    default:
      throw new Error(`unexpected store outcome ${o.type} for a transition`);
  }
}
