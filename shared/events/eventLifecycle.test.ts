import { describe, expect, it } from 'vitest';
import { ACTIONS, allowedActions, nextStatus, type Action } from './eventLifecycle';
import { STATUSES, isFinal, type EventStatus } from './status';

describe('eventLifecycle', () => {
  it('walks the whole closed loop 上报 → 受理 → 派遣 → 处置 → 反馈 → 办结', () => {
    let s: EventStatus = STATUSES[0];
    for (const a of ['accept', 'dispatch', 'start', 'resolve', 'close'] as Action[]) s = nextStatus(s, a)!;
    expect(s).toBe('closed');
  });

  it('allows rework after a result is fed back, and a return from the department', () => {
    expect(nextStatus('resolved', 'rework')).toBe('handling');
    expect(nextStatus('dispatched', 'return')).toBe('accepted');
  });

  it('refuses moves out of order and out of final states', () => {
    expect(nextStatus('reported', 'close')).toBeNull();
    expect(nextStatus('handling', 'dispatch')).toBeNull();
    for (const s of STATUSES.filter(isFinal)) expect(allowedActions(s)).toEqual([]);
  });

  it('lists what is allowed from each open status, and every open status has a way forward', () => {
    expect(allowedActions('reported')).toEqual(['accept', 'reject']);
    expect(allowedActions('resolved')).toEqual(['rework', 'close']);
    for (const s of STATUSES.filter((x) => !isFinal(x))) expect(allowedActions(s).length).toBeGreaterThan(0);
  });

  it('only ever leads to known statuses', () => {
    for (const a of Object.values(ACTIONS)) expect(STATUSES).toContain(a.to);
  });
});
