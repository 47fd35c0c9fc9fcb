import { describe, expect, it } from 'vitest';
import { applyDelta, applySnapshot, mergeEvents } from './focusState';
import { counters, delta, makeEvent, snapshot } from './testing/fixtures';

const D = '150602';
const S1 = '150602001';
const S2 = '150602002';

describe('applySnapshot', () => {
  it('replaces the state with the snapshot for the focus', () => {
    const s = applySnapshot(D, snapshot(D, 10, { counters: { [D]: counters({ open: 3 }) }, events: [makeEvent(9)] }));
    expect(s?.seq).toBe(10);
    expect(s?.counters[D].open).toBe(3);
    expect(s?.events.map((e) => e.id)).toEqual(['ev-9']);
  });

  it('ignores a late snapshot for a region we have moved away from (focus-switch race)', () => {
    expect(applySnapshot(S1, snapshot(D, 10))).toBeNull();
  });

  it('cuts the event list to the limit, newest first', () => {
    const events = [1, 2, 3, 4, 5].map((n) => makeEvent(n));
    expect(applySnapshot(D, snapshot(D, 5, { events }), 3)?.events.map((e) => e.seq)).toEqual([5, 4, 3]);
  });
});

describe('applyDelta', () => {
  const base = applySnapshot(
    D,
    snapshot(D, 10, {
      counters: { [D]: counters({ open: 3 }), [S1]: counters({ open: 2 }), [S2]: counters({ open: 1 }) },
      events: [makeEvent(10), makeEvent(8)],
    }),
  )!;

  it('replaces counters per region id and leaves the others as they were', () => {
    const r = applyDelta(D, base, delta(D, 10, 12, { counters: { [D]: counters({ open: 4 }), [S1]: counters({ open: 3 }) } }));
    expect(r.kind).toBe('applied');
    if (r.kind !== 'applied') return;
    expect(r.state.seq).toBe(12);
    expect(r.state.counters[D].open).toBe(4);
    expect(r.state.counters[S1].open).toBe(3);
    expect(r.state.counters[S2]).toBe(base.counters[S2]);
  });

  it('does not mutate the state it was given', () => {
    applyDelta(D, base, delta(D, 10, 11, { counters: { [D]: counters({ open: 99 }) }, events: [makeEvent(11)] }));
    expect(base.counters[D].open).toBe(3);
    expect(base.events).toHaveLength(2);
  });

  it('prepends new events and replaces a changed one in place by id', () => {
    const closed = makeEvent(8, { status: 'closed', updatedSeq: 11 });
    const r = applyDelta(D, base, delta(D, 10, 12, { events: [makeEvent(12), closed] }));
    if (r.kind !== 'applied') throw new Error(r.kind);
    expect(r.state.events.map((e) => [e.id, e.status])).toEqual([
      ['ev-12', 'reported'],
      ['ev-10', 'reported'],
      ['ev-8', 'closed'],
    ]);
  });

  it('keeps the event list bounded', () => {
    const events = Array.from({ length: 60 }, (_, i) => makeEvent(100 + i));
    const r = applyDelta(D, base, delta(D, 10, 200, { events }), 50);
    if (r.kind !== 'applied') throw new Error(r.kind);
    expect(r.state.events).toHaveLength(50);
    expect(r.state.events[0].seq).toBe(159);
  });

  it('reports a gap when fromSeq is not the seq we hold', () => {
    expect(applyDelta(D, base, delta(D, 11, 13)).kind).toBe('gap');
  });

  it('ignores a delta for another region (focus-switch race)', () => {
    expect(applyDelta(D, base, delta(S1, 10, 11)).kind).toBe('ignored');
  });

  it('ignores a delta that arrives before any snapshot for the focus', () => {
    expect(applyDelta(S1, null, delta(S1, 10, 11)).kind).toBe('ignored');
    expect(applyDelta(S1, base, delta(S1, 10, 11)).kind).toBe('ignored');
  });

  it('ignores a delta the current snapshot already covers', () => {
    expect(applyDelta(D, base, delta(D, 8, 10)).kind).toBe('ignored');
  });
});

describe('mergeEvents', () => {
  it('never lets an older version of an event overwrite a newer one', () => {
    const newer = makeEvent(5, { status: 'closed', updatedSeq: 9 });
    const older = makeEvent(5, { status: 'handling', updatedSeq: 7 });
    expect(mergeEvents([newer], [older], 10)[0].status).toBe('closed');
  });

  it('orders by report time, so a report that arrives late sorts below newer ones', () => {
    const late = makeEvent(40, { reportedAt: '2025-01-01T01:59:00.000Z' });
    const merged = mergeEvents([makeEvent(30), makeEvent(20)], [late], 10);
    expect(merged.map((e) => e.seq)).toEqual([30, 20, 40]);
  });

  it('breaks a tie in report time by store seq', () => {
    const at = '2025-01-01T02:00:00.000Z';
    const merged = mergeEvents([makeEvent(1, { reportedAt: at })], [makeEvent(2, { reportedAt: at })], 10);
    expect(merged.map((e) => e.seq)).toEqual([2, 1]);
  });

  it('sorts an update for an event that fell off the list back out of it', () => {
    const held = [makeEvent(30), makeEvent(20)];
    const merged = mergeEvents(held, [makeEvent(5, { updatedSeq: 31, status: 'closed' })], 2);
    expect(merged.map((e) => e.seq)).toEqual([30, 20]);
  });
});
