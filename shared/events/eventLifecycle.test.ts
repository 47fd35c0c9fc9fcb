import { describe, expect, it } from 'vitest';
import { ACTIONS, allowedActions, nextStatus, urgeTooSoon, type Action } from './eventLifecycle';
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
    expect(allowedActions('reported')).toEqual(['accept', 'reject', 'note']);
    expect(allowedActions('resolved')).toEqual(['rework', 'close', 'note']);
    for (const s of STATUSES.filter((x) => !isFinal(x))) expect(allowedActions(s).some((a) => ACTIONS[a].to !== 'same'), s).toBe(true);
    for (const s of STATUSES.filter(isFinal)) expect(allowedActions(s)).toEqual([]);
  });

  it('only ever leads to known statuses', () => {
    for (const a of Object.values(ACTIONS)) expect([...STATUSES, 'same']).toContain(a.to);
  });
});

describe('催办 (urge)', () => {
  it('keeps the status, only while a department has the case', () => {
    expect(nextStatus('dispatched', 'urge')).toBe('dispatched');
    expect(nextStatus('handling', 'urge')).toBe('handling');
    for (const s of ['reported', 'accepted', 'resolved', 'closed', 'rejected'] as const) expect(nextStatus(s, 'urge')).toBeNull();
  });

  it('is refused within the minimum interval of the last one, whoever sent it', () => {
    const at = '2026-11-25T02:00:00.000Z';
    const history = [
      { action: 'dispatch', at: '2026-11-25T01:00:00.000Z', actor: 'a' },
      { action: 'urge', at, actor: '值班员甲' },
    ];
    const t = Date.parse(at);
    const interval = 30 * 60_000;
    expect(urgeTooSoon(history, t + interval - 1, interval)).toEqual({ lastBy: '值班员甲', lastAt: at, nextAtMs: t + interval });
    expect(urgeTooSoon(history, t + interval, interval)).toBeNull();
    expect(urgeTooSoon(history.slice(0, 1), t, interval)).toBeNull();
    // A deployment that sets no minimum (urgeMinMinutes 0) lets the next one through at once.
    expect(urgeTooSoon(history, t, 0)).toBeNull();
  });
});
