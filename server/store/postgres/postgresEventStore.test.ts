import { afterEach, describe, expect, it } from 'vitest';
import type { EventStore, StoreCommand } from '../eventStore';
import { describeEventStoreContract, record } from '../eventStoreContract';
import { SqliteEventStore } from '../sqlite/sqliteEventStore';
import { createTestSchema, type TestSchema } from './testSchema';
import type { PostgresEventStore } from './postgresEventStore';

/**
 * Runs against the PostgreSQL at DATABASE_URL (each test in a fresh schema, dropped after):
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx vitest run server/store
 * Without DATABASE_URL every test here is skipped, and says so.
 */
const url = process.env.DATABASE_URL;
if (!url) console.warn('PostgreSQL store tests skipped: DATABASE_URL not set (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test)');

describe.skipIf(!url)(url ? 'PostgreSQL store' : 'PostgreSQL store (skipped: DATABASE_URL not set)', () => {
  describeEventStoreContract('postgres', async () => {
    const schema = await createTestSchema(url!);
    let store = schema.open();
    await store.migrate();
    return {
      store,
      async reopen() {
        store = schema.open();
        return store;
      },
      async cleanup() {
        await store.close().catch(() => undefined);
        await schema.drop();
      },
    };
  });

  describe('PostgreSQL specifics', () => {
    const schemas: TestSchema[] = [];
    const stores: EventStore[] = [];
    afterEach(async () => {
      for (const s of stores.splice(0)) await s.close().catch(() => undefined);
      for (const s of schemas.splice(0)) await s.drop();
    });
    const freshSchema = async () => {
      const s = await createTestSchema(url!);
      schemas.push(s);
      return s;
    };
    const open = (s: TestSchema, options?: Parameters<TestSchema['open']>[0]): PostgresEventStore => {
      const store = s.open(options);
      stores.push(store);
      return store;
    };

    const T0 = Date.parse('2026-11-25T01:00:00Z');
    const move = (eventId: string, action: 'accept' | 'dispatch' | 'reject' | 'start', over: Partial<Extract<StoreCommand, { type: 'transition' }>> = {}): StoreCommand => ({
      type: 'transition',
      eventId,
      action,
      actor: 'officer:li',
      note: '备注 "x" \\ y',
      unit: action === 'dispatch' ? '街道办' : null,
      atMs: T0 + 7_200_123,
      ...over,
    });

    it('returns exactly what the SQLite store returns for the same commands', async () => {
      const pgStore = open(await freshSchema());
      await pgStore.migrate();
      const lite = new SqliteEventStore(':memory:');
      stores.push(lite);
      await lite.migrate();

      const batches: StoreCommand[][] = [
        [
          { type: 'create', record: record('a', { lon: 109.98123456789012, lat: 39.8212345678901, reportedAtMs: T0 + 1, receivedAtMs: T0 + 999 }) },
          move('a', 'accept'),
          { type: 'create', record: record('a') },
          move('a', 'dispatch'),
          { type: 'create', record: record('b', { description: '', gridId: 'g2', category: 'sanitation', severity: 'critical', source: 'resident' }) },
          { type: 'markOverdue', eventId: 'b', atMs: T0 + 100 * 3600_000 + 7 },
          move('b', 'start'),
          move('zz', 'accept'),
        ],
        [move('a', 'start', { expectedStatus: 'dispatched', actor: 'unit:jd' }), move('b', 'reject'), move('b', 'accept'), { type: 'markOverdue', eventId: 'b', atMs: T0 }],
        [{ type: 'create', record: record('c', { reportedAtMs: Date.parse('1999-12-31T23:59:59.999Z') }) }, move('c', 'accept', { expectedStatus: 'accepted' })],
        [],
      ];
      for (const b of batches) expect(await pgStore.apply(b)).toEqual(await lite.apply(b));

      for (const id of ['a', 'b', 'c', 'nope']) {
        expect(await pgStore.getEvent(id)).toEqual(await lite.getEvent(id));
        expect(await pgStore.history(id)).toEqual(await lite.history(id));
      }
      expect(await pgStore.changesSince(0, 100)).toEqual(await lite.changesSince(0, 100));
      expect(await pgStore.changesSince(2, 2)).toEqual(await lite.changesSince(2, 2));
      expect(await pgStore.latestSeq()).toEqual(await lite.latestSeq());
      expect(await pgStore.openDeadlines()).toEqual(await lite.openDeadlines());
      expect(await pgStore.countEvents(['g2', 'x'])).toEqual(await lite.countEvents(['g2', 'x']));
      for (const q of [
        { gridIds: null, limit: 100 },
        { gridIds: null, limit: -1 },
        { gridIds: ['g2'], statuses: ['rejected' as const], overdue: true, limit: 10 },
        { gridIds: null, fromMs: T0, toMs: T0 + 2, beforeSeq: 100, limit: 10 },
      ])
        expect(await pgStore.queryEvents(q)).toEqual(await lite.queryEvents(q));
      const visits = async (s: EventStore) => {
        const out: unknown[] = [];
        await s.forEachCountable((g, e) => out.push([g, e]));
        return out;
      };
      expect(await visits(pgStore)).toEqual(await visits(lite));
    });

    it('streams the rebuild in pages without skipping or repeating an event', async () => {
      const store = open(await freshSchema(), { rebuildPageRows: 3 });
      await store.migrate();
      await store.apply(Array.from({ length: 10 }, (_, i): StoreCommand => ({ type: 'create', record: record(`e${i}`, { gridId: `g${i}` }) })));
      const seen: string[] = [];
      expect((await store.forEachCountable((p) => seen.push(p.gridId))).count).toBe(10);
      expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => `g${i}`));
    });

    it('migrates once when two processes start together', async () => {
      const s = await freshSchema();
      const [a, b] = [open(s), open(s)];
      await Promise.all([a.migrate(), b.migrate(), a.migrate()]);
      expect(await a.latestSeq()).toBe(0);
      await b.migrate();
    });

    it('keeps seqs gapless and ids unique with writers in two processes at once', async () => {
      const s = await freshSchema();
      const [a, b] = [open(s, { max: 3 }), open(s, { max: 3 })];
      await a.migrate();
      // Overlapping ids from both, several batches in flight on each.
      const batch = (from: number) => Array.from({ length: 20 }, (_, i): StoreCommand => ({ type: 'create', record: record(`e${from + i}`) }));
      const outs = (await Promise.all([0, 10, 20, 30, 5, 15].flatMap((from, i) => [(i % 2 ? a : b).apply(batch(from))]))).flat();
      const created = outs.filter((o) => o.type === 'created');
      expect(created).toHaveLength(50);
      expect(new Set(created.map((o) => o.event.id)).size).toBe(50);
      expect(created.map((o) => o.event.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(outs.filter((o) => o.type === 'duplicate')).toHaveLength(70);
      expect(await b.countEvents(null)).toBe(50);

      // Two operators accept the same event at the same moment: one wins, one is told it is stale.
      const race = await Promise.all([a.apply([move('e1', 'accept', { expectedStatus: 'reported' })]), b.apply([move('e1', 'accept', { expectedStatus: 'reported' })])]);
      expect(race.map(([o]) => o.type).sort()).toEqual(['changed', 'refused']);
      expect(await a.history('e1')).toHaveLength(2);
      expect(await a.latestSeq()).toBe(51);
    });

    it('stores nothing of a batch that fails, gives its seqs back, and keeps working', async () => {
      const store = open(await freshSchema());
      await store.migrate();
      await store.apply([{ type: 'create', record: record('a') }]);
      // PostgreSQL text cannot hold U+0000 (SQLite's can): the whole batch is refused.
      await expect(store.apply([{ type: 'create', record: record('b') }, { type: 'create', record: record('c', { description: 'x\u0000y' }) }])).rejects.toThrow();
      expect(await store.countEvents(null)).toBe(1);
      const [out] = await store.apply([{ type: 'create', record: record('b') }]);
      expect(out).toMatchObject({ type: 'created', event: { seq: 2 } });
    });
  });
});
