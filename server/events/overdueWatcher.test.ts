import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pino } from 'pino';
import { OverdueWatcher } from './overdueWatcher';
import { EventWriter } from './eventWriter';
import { ChangeApplier } from './changeApplier';
import { SqliteEventStore } from '../store/sqlite/sqliteEventStore';
import { RegionAggregates } from '../aggregates/regionAggregates';
import { buildHierarchy } from '../../shared/geo/hierarchy';
import { record } from '../store/eventStoreContract';
import type { GridEvent } from '../../shared/events/gridEvent';

const T0 = Date.parse('2026-11-25T01:00:00Z');
const H = 3600_000;
const hierarchy = buildHierarchy([
  { id: '150602', parentId: null, level: 'district', name: '东胜区' },
  { id: '150602001', parentId: '150602', level: 'street', name: '交通街道' },
  { id: '150602001001', parentId: '150602001', level: 'community', name: '社区' },
  { id: '150602001001001', parentId: '150602001001', level: 'grid', name: '网格1' },
]);

describe('OverdueWatcher', () => {
  let store: SqliteEventStore;
  let writer: EventWriter;
  let aggregates: RegionAggregates;
  let streamed: GridEvent[];
  beforeEach(async () => {
    vi.useFakeTimers({ now: T0, toFake: ['setInterval', 'clearInterval', 'Date'] });
    store = new SqliteEventStore(':memory:');
    await store.migrate();
    aggregates = new RegionAggregates({ hierarchy, gridIndex: { assign: () => null } }, () => Date.now());
    streamed = [];
    const applier = new ChangeApplier(aggregates, 0);
    applier.onApplied((changes) => streamed.push(...changes.map((c) => c.event)));
    writer = new EventWriter(store, applier);
  });
  afterEach(async () => {
    vi.useRealTimers();
    await store.close();
  });

  it('marks an event overdue just after its deadline, not at it, as a streamed change, once', async () => {
    await writer.submit({ type: 'create', record: record('a', { reportedAtMs: T0, deadlineMs: T0 + 2 * H }) });
    streamed = [];
    const w = new OverdueWatcher(writer, () => Date.now(), pino({ level: 'silent' }), 1000);
    w.start(await store.openDeadlines());

    vi.setSystemTime(T0 + 2 * H); // exactly at the deadline: still on time
    expect(await w.check()).toBe(0);
    expect(aggregates.get('150602')!.overdue).toBe(0);

    vi.setSystemTime(T0 + 2 * H + 1);
    expect(await w.check()).toBe(1);
    expect(aggregates.get('150602')).toMatchObject({ overdue: 1, open: 1 });
    expect(streamed.map((e) => [e.id, e.overdueAt])).toEqual([['a', new Date(T0 + 2 * H + 1).toISOString()]]);
    expect(await w.check()).toBe(0);
    w.stop();
  });

  it('skips an event closed before its deadline came', async () => {
    await writer.submit({ type: 'create', record: record('b', { deadlineMs: T0 + H }) });
    const w = new OverdueWatcher(writer, () => Date.now(), pino({ level: 'silent' }));
    w.start(await store.openDeadlines());
    await writer.submit({ type: 'transition', eventId: 'b', action: 'reject', actor: 'x', note: '', unit: null, atMs: T0 + 1 });
    vi.setSystemTime(T0 + 2 * H);
    expect(await w.check()).toBe(0);
    expect(aggregates.get('150602')!.overdue).toBe(0);
    w.stop();
  });

  it('checks on its own timer, and keeps due events to retry when the store fails', async () => {
    await writer.submit({ type: 'create', record: record('c', { deadlineMs: T0 + H }) });
    const w = new OverdueWatcher(writer, () => Date.now(), pino({ level: 'silent' }), 1000);
    w.start(await store.openDeadlines());
    const apply = vi.spyOn(store, 'apply').mockRejectedValueOnce(new Error('disk full'));
    vi.setSystemTime(T0 + H + 1);
    expect(await w.check()).toBe(0);
    expect(w.size).toBe(1);
    apply.mockRestore();
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(aggregates.get('150602')!.overdue).toBe(1));
    w.stop();
  });
});
