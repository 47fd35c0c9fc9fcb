import { describe, expect, it } from 'vitest';
import { addContribution, emptyCounters, rollOverDay, type CountableEvent } from './regionCounters';

const MIDNIGHT = Date.parse('2026-11-24T16:00:00Z'); // 2026-11-25 00:00 in China
const ev = (over: Partial<CountableEvent> = {}): CountableEvent => ({
  category: 'sanitation',
  source: 'grid_worker',
  status: 'reported',
  reportedAtMs: MIDNIGHT + 3600_000,
  closedAtMs: null,
  deadlineMs: MIDNIGHT + 10 * 3600_000,
  overdue: false,
  ...over,
});

describe('addContribution', () => {
  it('counts a new event reported today as total, today and open, with its category and source', () => {
    const c = emptyCounters();
    addContribution(c, ev(), 1, MIDNIGHT);
    expect(c).toMatchObject({ total: 1, today: 1, open: 1, closed: 0, closedToday: 0 });
    expect(c.todayByCategory).toEqual({ sanitation: 1 });
    expect(c.todayBySource).toEqual({ grid_worker: 1 });
  });

  it('counts an event reported one millisecond before midnight as not today, and one at midnight as today', () => {
    const c = emptyCounters();
    addContribution(c, ev({ reportedAtMs: MIDNIGHT - 1 }), 1, MIDNIGHT);
    expect(c.today).toBe(0);
    addContribution(c, ev({ reportedAtMs: MIDNIGHT }), 1, MIDNIGHT);
    expect(c.today).toBe(1);
  });

  it('moves an event from open to closed when its before-state is removed and after-state added', () => {
    const c = emptyCounters();
    const before = ev();
    addContribution(c, before, 1, MIDNIGHT);
    addContribution(c, before, -1, MIDNIGHT);
    addContribution(c, ev({ status: 'closed', closedAtMs: MIDNIGHT + 7200_000 }), 1, MIDNIGHT);
    expect(c).toMatchObject({ total: 1, today: 1, open: 0, closed: 1, closedToday: 1 });
  });

  it('counts an overdue open event, and a closed one on time or late by its deadline', () => {
    const c = emptyCounters();
    addContribution(c, ev({ overdue: true }), 1, MIDNIGHT);
    expect(c).toMatchObject({ open: 1, overdue: 1 });
    addContribution(c, ev({ status: 'closed', closedAtMs: MIDNIGHT + 10 * 3600_000 }), 1, MIDNIGHT);
    addContribution(c, ev({ status: 'closed', closedAtMs: MIDNIGHT + 10 * 3600_000 + 1, overdue: true }), 1, MIDNIGHT);
    expect(c).toMatchObject({ open: 1, overdue: 1, closed: 2, closedOnTime: 1 });
    expect(c.handlingMsSum).toBe(2 * 9 * 3600_000 + 1);
  });

  it('counts a rejected event neither open nor closed', () => {
    const c = emptyCounters();
    addContribution(c, ev({ status: 'rejected', closedAtMs: MIDNIGHT + 1 }), 1, MIDNIGHT);
    expect(c).toMatchObject({ total: 1, open: 0, closed: 0, rejected: 1, closedToday: 0 });
  });

  it('drops zeroed keys from the mixes so the wire stays small', () => {
    const c = emptyCounters();
    addContribution(c, ev(), 1, MIDNIGHT);
    addContribution(c, ev(), -1, MIDNIGHT);
    expect(c.todayByCategory).toEqual({});
  });

  it('rollOverDay clears the today counters but keeps totals and open', () => {
    const c = emptyCounters();
    addContribution(c, ev(), 1, MIDNIGHT);
    rollOverDay(c);
    expect(c).toMatchObject({ total: 1, open: 1, today: 0, closedToday: 0, todayByCategory: {} });
  });
});
