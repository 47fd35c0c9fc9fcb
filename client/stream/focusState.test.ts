import { describe, expect, it } from 'vitest';
import { applyAlert, applyDelta, applySnapshot, mergeAlerts, mergeEvents } from './focusState';
import { panelCount } from './inbound';
import { counters, delta, hourly, makeAlert, makeEvent, snapshot } from './testing/fixtures';

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

  it('takes the server\'s time-limit warning threshold, or the default from a server that does not say', () => {
    expect(applySnapshot(D, snapshot(D, 1, { warnAt: 0.8 }))?.warnAt).toBe(0.8);
    expect(applySnapshot(D, snapshot(D, 1, { warnAt: 7 }))?.warnAt).toBe(0.7);
    expect(applySnapshot(D, { ...snapshot(D, 1), warnAt: undefined as unknown as number })?.warnAt).toBe(0.7);
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

  it('applies a delta that changes only panels or alerts (its seq did not move)', () => {
    const visits = { [D]: { residentVisitsToday: 7 } };
    const r = applyDelta(D, base, delta(D, 10, 10, { panels: { volunteer: visits } }));
    if (r.kind !== 'applied') throw new Error(r.kind);
    expect(r.state.seq).toBe(10);
    expect(r.state.panels.volunteer?.[D]).toEqual({ residentVisitsToday: 7 });
  });

  it('replaces the alert list with a catch-up\'s complete one (an alert handled while away goes)', () => {
    const held = { ...base, alerts: [makeAlert(1), makeAlert(2)] };
    const r = applyDelta(D, held, delta(D, 10, 12, { alerts: [makeAlert(2)], alertsComplete: true }));
    if (r.kind !== 'applied') throw new Error(r.kind);
    expect(r.state.alerts.map((a) => a.id)).toEqual(['al-2']);
    const merged = applyDelta(D, held, delta(D, 10, 12, { alerts: [makeAlert(3)] }));
    if (merged.kind !== 'applied') throw new Error(merged.kind);
    expect(merged.state.alerts).toHaveLength(3);
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

describe('hourly and alerts in snapshots and deltas', () => {
  const H0 = Date.UTC(2024, 11, 30, 3);

  it('takes the hourly series and alerts from the snapshot', () => {
    const s = applySnapshot(D, snapshot(D, 1, { hourly: hourly(H0, undefined, 2), alerts: [makeAlert(1)] }))!;
    expect(s.hourly?.counts[47]).toBe(2);
    expect(s.alerts.map((a) => a.id)).toEqual(['al-1']);
  });

  it('treats a missing or malformed hourly series as not known (older server)', () => {
    const noHourly = snapshot(D, 1);
    delete (noHourly as Partial<typeof noHourly>).hourly;
    expect(applySnapshot(D, noHourly)!.hourly).toBeNull();
    expect(applySnapshot(D, snapshot(D, 1, { hourly: { startMs: H0, counts: [1, 2] } }))!.hourly).toBeNull();
  });

  it('treats missing alerts and metric as none', () => {
    const old = { regionId: D, seq: 1, serverTime: '2025-01-01T00:00:00Z', counters: {}, events: [] };
    const s = applySnapshot(D, old as never)!;
    expect(s.alerts).toEqual([]);
    expect(s.metric).toBeNull();
  });

  it('keeps the hourly series when a delta does not carry one, and replaces it when it does', () => {
    const base = applySnapshot(D, snapshot(D, 1, { hourly: hourly(H0, undefined, 1) }))!;
    const r1 = applyDelta(D, base, delta(D, 1, 2));
    if (r1.kind !== 'applied') throw new Error(r1.kind);
    expect(r1.state.hourly).toBe(base.hourly);
    const r2 = applyDelta(D, r1.state, delta(D, 2, 3, { hourly: hourly(H0 + 3600_000, undefined, 5) }));
    if (r2.kind !== 'applied') throw new Error(r2.kind);
    expect(r2.state.hourly?.startMs).toBe(H0 + 3600_000);
  });

  it('merges alerts of a delta and drops the ones handled since', () => {
    const base = applySnapshot(D, snapshot(D, 1, { alerts: [makeAlert(1), makeAlert(2)] }))!;
    const r = applyDelta(D, base, delta(D, 1, 3, { alerts: [makeAlert(1, { seq: 3, state: 'handled' }), makeAlert(3)] }));
    if (r.kind !== 'applied') throw new Error(r.kind);
    expect(r.state.alerts.map((a) => a.id)).toEqual(['al-3', 'al-2']);
  });

  it('applies a lone alert without touching the rest of the state', () => {
    const base = applySnapshot(D, snapshot(D, 1, { events: [makeEvent(1)] }))!;
    const next = applyAlert(base, makeAlert(2));
    expect(next.events).toBe(base.events);
    expect(next.alerts).toHaveLength(1);
    expect(base.alerts).toHaveLength(0);
  });
});

describe('mergeAlerts', () => {
  it('never lets an older change of an alert overwrite a newer one', () => {
    const acked = makeAlert(1, { seq: 5, state: 'acknowledged' });
    expect(mergeAlerts([acked], [makeAlert(1, { seq: 1 })])[0].state).toBe('acknowledged');
  });
  it('keeps the newest raised, bounded', () => {
    const many = Array.from({ length: 40 }, (_, i) => makeAlert(i + 1));
    const kept = mergeAlerts([], many, 30);
    expect(kept).toHaveLength(30);
    expect(kept[0].id).toBe('al-40');
  });
});

describe('panels', () => {
  it('takes them from the snapshot and replaces a changed region per panel from a delta', () => {
    const base = applySnapshot(D, snapshot(D, 1, { panels: { volunteer: { [D]: { volunteersActive: 3 }, [S1]: { volunteersActive: 1 } } } }))!;
    const r = applyDelta(D, base, delta(D, 1, 2, { panels: { volunteer: { [D]: { volunteersActive: 4 } } } }));
    if (r.kind !== 'applied') throw new Error(r.kind);
    expect(panelCount(r.state.panels, 'volunteer', D, 'volunteersActive')).toBe(4);
    expect(panelCount(r.state.panels, 'volunteer', S1, 'volunteersActive')).toBe(1);
  });
  it('reads a missing or malformed count as not known', () => {
    const s = applySnapshot(D, snapshot(D, 1, { panels: { volunteer: { [D]: { volunteersActive: 'many' } } } }))!;
    expect(panelCount(s.panels, 'volunteer', D, 'volunteersActive')).toBeNull();
    expect(panelCount(s.panels, 'serviceCard', D, 'x')).toBeNull();
    const old = { regionId: D, seq: 1, serverTime: '2025-01-01T00:00:00Z', counters: {}, events: [] };
    expect(applySnapshot(D, old as never)!.panels).toEqual({});
  });
});
