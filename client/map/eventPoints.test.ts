import { describe, expect, it } from 'vitest';
import { makeEvent } from '../stream/testing/fixtures';
import { eventPoints, pointKind } from './eventPoints';

const T = Date.parse('2025-01-01T02:00:30Z');

describe('pointKind', () => {
  it('marks a closed event closed whatever else it was', () => {
    expect(pointKind(makeEvent(1, { status: 'closed', severity: 'critical' }), T)).toBe('closed');
  });
  it('puts an emergency before a missed deadline', () => {
    expect(pointKind(makeEvent(1, { severity: 'critical', overdueAt: '2025-01-01T02:00:00Z' }), T)).toBe('critical');
  });
  it('marks an open event overdue once the watcher did, or just after its deadline, not at it', () => {
    expect(pointKind(makeEvent(1, { overdueAt: '2025-01-01T02:00:00Z' }), T)).toBe('overdue');
    const e = makeEvent(1, { deadline: '2025-01-01T02:00:30Z' });
    expect(pointKind(e, T)).toBe('open');
    expect(pointKind(e, T + 1)).toBe('overdue');
  });
});

describe('eventPoints', () => {
  it('pulses events received within the fresh period of server time, and no longer', () => {
    const e = makeEvent(1, { receivedAt: '2025-01-01T02:00:15Z' });
    expect(eventPoints([e], T, { freshMs: 15_001 })[0].fresh).toBe(true);
    expect(eventPoints([e], T, { freshMs: 15_000 })[0].fresh).toBe(false);
  });
  it('pulses at most maxFresh, the newest', () => {
    const events = [3, 2, 1].map((n) => makeEvent(n, { receivedAt: '2025-01-01T02:00:29Z' }));
    expect(eventPoints(events, T, { maxFresh: 2 }).map((p) => p.fresh)).toEqual([true, true, false]);
  });
  it('does not pulse an event that is already closed', () => {
    expect(eventPoints([makeEvent(1, { receivedAt: '2025-01-01T02:00:29Z', status: 'closed' })], T)[0].fresh).toBe(false);
  });
});
