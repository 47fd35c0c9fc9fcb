import { afterEach, describe, expect, it } from 'vitest';
import type { EventStore, NewEventRecord, StoreCommand } from './eventStore';

/** Opens a fresh, empty, migrated store; `reopen` opens the same data again (after close). */
export interface StoreHarness {
  store: EventStore;
  reopen(): Promise<EventStore>;
  cleanup(): Promise<void>;
}

const T0 = Date.parse('2026-11-25T01:00:00Z');

export const record = (id: string, over: Partial<NewEventRecord> = {}): NewEventRecord => ({
  id,
  category: 'dispute',
  severity: 'normal',
  source: 'hotline',
  lon: 109.98,
  lat: 39.82,
  gridId: '150602001001001',
  description: '<b>楼上漏水</b> & "邻里" 纠纷',
  reportedAtMs: T0,
  receivedAtMs: T0 + 1000,
  deadlineMs: T0 + 72 * 3600_000,
  actor: 'app:test',
  reporter: null,
  ...over,
});

const create = (id: string, over: Partial<NewEventRecord> = {}): StoreCommand => ({ type: 'create', record: record(id, over) });
const move = (eventId: string, action: Extract<StoreCommand, { type: 'transition' }>['action'], over: Partial<Extract<StoreCommand, { type: 'transition' }>> = {}): StoreCommand => ({
  type: 'transition',
  eventId,
  action,
  actor: 'officer:wang',
  note: '',
  unit: null,
  atMs: T0 + 3600_000,
  ...over,
});

/** The behaviour every EventStore must have, run against each implementation. */
export function describeEventStoreContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`EventStore contract: ${name}`, () => {
    const harnesses: StoreHarness[] = [];
    afterEach(async () => {
      for (const h of harnesses.splice(0)) await h.cleanup();
    });
    const fresh = async () => {
      const h = await open();
      harnesses.push(h);
      return h;
    };

    it('gives each change the next sequence number, and creation records who reported it', async () => {
      const { store } = await fresh();
      const out = await store.apply([create('a'), create('b')]);
      expect(out.map((o) => o.type === 'created' && o.event.seq)).toEqual([1, 2]);
      expect(await store.latestSeq()).toBe(2);
      expect(await store.history('a')).toMatchObject([{ seq: 1, action: 'report', fromStatus: null, toStatus: 'reported', actor: 'app:test' }]);
    });

    it('does not store the same client id twice, within a batch or across batches', async () => {
      const { store } = await fresh();
      await store.apply([create('a')]);
      const out = await store.apply([create('a'), create('b'), create('b')]);
      expect(out.map((o) => o.type)).toEqual(['duplicate', 'created', 'duplicate']);
      expect(await store.countEvents(null)).toBe(2);
      expect(await store.latestSeq()).toBe(2);
    });

    it('stores user text exactly as given, and the reporter when given', async () => {
      const { store } = await fresh();
      await store.apply([create('a'), create('b', { reporter: { name: '张三', phone: '13812345678' } })]);
      expect((await store.getEvent('a'))).toMatchObject({ description: '<b>楼上漏水</b> & "邻里" 纠纷', reporter: null });
      expect((await store.getEvent('b'))?.reporter).toEqual({ name: '张三', phone: '13812345678' });
      expect((await store.queryEvents({ gridIds: null, limit: 5 }))[0].reporter).toEqual({ name: '张三', phone: '13812345678' });
    });

    it('walks the closed loop, storing who, when, the unit and the note of each step', async () => {
      const { store } = await fresh();
      await store.apply([create('a')]);
      const out = await store.apply([
        move('a', 'accept'),
        move('a', 'dispatch', { unit: '城管执法中队', note: '请尽快处置' }),
        move('a', 'start', { actor: 'unit:cg' }),
        move('a', 'resolve', { note: '已清理' }),
        move('a', 'close', { atMs: T0 + 5 * 3600_000 }),
      ]);
      expect(out.every((o) => o.type === 'changed')).toBe(true);
      const e = await store.getEvent('a');
      expect(e).toMatchObject({ status: 'closed', unit: '城管执法中队', closedAt: new Date(T0 + 5 * 3600_000).toISOString(), updatedSeq: 6 });
      const h = await store.history('a');
      expect(h.map((t) => [t.seq, t.action, t.fromStatus, t.toStatus])).toEqual([
        [1, 'report', null, 'reported'],
        [2, 'accept', 'reported', 'accepted'],
        [3, 'dispatch', 'accepted', 'dispatched'],
        [4, 'start', 'dispatched', 'handling'],
        [5, 'resolve', 'handling', 'resolved'],
        [6, 'close', 'resolved', 'closed'],
      ]);
      expect(h[2]).toMatchObject({ unit: '城管执法中队', note: '请尽快处置', actor: 'officer:wang' });
    });

    it('refuses an illegal move naming what is allowed, and a stale one, storing nothing', async () => {
      const { store } = await fresh();
      await store.apply([create('a')]);
      const [illegal] = await store.apply([move('a', 'close')]);
      expect(illegal).toMatchObject({ type: 'refused', reason: 'not_allowed' });
      expect(illegal.type === 'refused' && illegal.message).toContain('allowed: accept, reject');
      const [stale] = await store.apply([move('a', 'accept', { expectedStatus: 'accepted' })]);
      expect(stale).toMatchObject({ type: 'refused', reason: 'stale' });
      expect(await store.latestSeq()).toBe(1);
      const [missing] = await store.apply([move('nope', 'accept')]);
      expect(missing).toEqual({ type: 'not_found', eventId: 'nope' });
    });

    it('marks an open event overdue once, as a change of its own, and never a closed one', async () => {
      const { store } = await fresh();
      await store.apply([create('a'), create('b')]);
      await store.apply([move('b', 'reject')]);
      expect((await store.openDeadlines()).map((d) => d.id)).toEqual(['a']);
      const out = await store.apply([
        { type: 'markOverdue', eventId: 'a', atMs: T0 + 80 * 3600_000 },
        { type: 'markOverdue', eventId: 'a', atMs: T0 + 81 * 3600_000 },
        { type: 'markOverdue', eventId: 'b', atMs: T0 + 81 * 3600_000 },
      ]);
      expect(out.map((o) => o.type)).toEqual(['changed', 'unchanged', 'unchanged']);
      expect((await store.getEvent('a'))?.overdueAt).toBe(new Date(T0 + 80 * 3600_000).toISOString());
      expect(await store.openDeadlines()).toEqual([]);
      const changes = await store.changesSince(0, 100);
      expect(changes.map((c) => [c.seq, c.kind, c.event.id])).toEqual([
        [1, 'event.created', 'a'],
        [2, 'event.created', 'b'],
        [3, 'event.transition', 'b'],
        [4, 'event.overdue', 'a'],
      ]);
      expect(await store.changesSince(3, 100)).toHaveLength(1);
    });

    it('filters and pages events newest first without skipping or repeating any', async () => {
      const { store } = await fresh();
      const cmds: StoreCommand[] = [];
      for (let i = 0; i < 25; i++)
        cmds.push(create(`e${i}`, { gridId: i % 2 ? 'g-odd' : 'g-even', category: i % 3 ? 'sanitation' : 'dispute', severity: i % 5 ? 'normal' : 'critical', reportedAtMs: T0 + i * 60_000 }));
      await store.apply(cmds);
      const seen: string[] = [];
      let beforeSeq: number | undefined;
      for (;;) {
        const page = await store.queryEvents({ gridIds: null, limit: 10, beforeSeq });
        if (page.length === 0) break;
        seen.push(...page.map((e) => e.id));
        beforeSeq = page[page.length - 1].seq;
      }
      expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `e${24 - i}`));
      const odd = await store.queryEvents({ gridIds: ['g-odd'], categories: ['dispute'], limit: 100 });
      expect(odd.map((e) => e.id)).toEqual(['e21', 'e15', 'e9', 'e3']);
      expect((await store.queryEvents({ gridIds: null, severities: ['critical'], limit: 100 })).length).toBe(5);
      const window = await store.queryEvents({ gridIds: null, fromMs: T0 + 10 * 60_000, toMs: T0 + 12 * 60_000, limit: 100 });
      expect(window.map((e) => e.id)).toEqual(['e11', 'e10']);
      expect(await store.queryEvents({ gridIds: [], limit: 10 })).toEqual([]);
      expect((await store.queryEvents({ gridIds: null, statuses: ['reported'], overdue: false, limit: 100 })).length).toBe(25);
      expect(await store.countEvents(['g-odd'])).toBe(12);
    });

    it('visits every event for the rebuild with what the counters need', async () => {
      const { store } = await fresh();
      await store.apply([create('a', { gridId: 'g1' }), create('b', { gridId: 'g2' })]);
      await store.apply([{ type: 'markOverdue', eventId: 'b', atMs: T0 + 100 * 3600_000 }]);
      const seen: string[] = [];
      expect(await store.forEachCountable((p, e) => seen.push(`${p.gridId}:${p.lon},${p.lat}:${e.status}:${e.overdue}:${e.deadlineMs - e.reportedAtMs}`))).toEqual({ count: 2, seq: 3 });
      expect(seen.sort()).toEqual([`g1:109.98,39.82:reported:false:${72 * 3600_000}`, `g2:109.98,39.82:reported:true:${72 * 3600_000}`]);
    });

    it('keeps everything committed after close and reopen, and migrates again harmlessly', async () => {
      const h = await fresh();
      await h.store.apply([create('a'), move('a', 'accept')]);
      await h.store.close();
      const again = await h.reopen();
      await again.migrate();
      expect(await again.latestSeq()).toBe(2);
      expect((await again.getEvent('a'))?.status).toBe('accepted');
      expect((await again.apply([create('b')]))[0]).toMatchObject({ type: 'created', event: { seq: 3 } });
    });
  });
}
