import { afterEach, describe, expect, it } from 'vitest';
import { createTestSchema, type TestSchema } from '../../../store/postgres/testSchema';
import { describeActivityStoreContract, cmd, T0 } from '../activityStoreContract';
import type { ActivityCommand, ActivityOutcome, ActivityStore } from '../activityStore';
import { SqliteActivityStore } from '../sqlite/sqliteActivityStore';
import { PostgresActivityStore } from './postgresActivityStore';

/**
 * Runs against the PostgreSQL at DATABASE_URL (each test in a fresh schema, dropped after):
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx vitest run server/activities
 * Without DATABASE_URL every test here is skipped, and says so.
 */
const url = process.env.DATABASE_URL;
if (!url) console.warn('PostgreSQL activity store tests skipped: DATABASE_URL not set (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test)');

describe.skipIf(!url)(url ? 'PostgreSQL activity store' : 'PostgreSQL activity store (skipped: DATABASE_URL not set)', () => {
  describeActivityStoreContract('postgres', async () => {
    const schema = await createTestSchema(url!, 'gp_act_test');
    const openStore = () => new PostgresActivityStore(url!, { schema: schema.name });
    let store = openStore();
    await store.migrate();
    return {
      store,
      async reopen() {
        store = openStore();
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
    const stores: ActivityStore[] = [];
    afterEach(async () => {
      for (const s of stores.splice(0)) await s.close().catch(() => undefined);
      for (const s of schemas.splice(0)) await s.drop();
    });
    const open = async (options: { rebuildPageRows?: number } = {}) => {
      const s = await createTestSchema(url!, 'gp_act_test');
      schemas.push(s);
      const store = new PostgresActivityStore(url!, { schema: s.name, ...options });
      stores.push(store);
      await store.migrate();
      return { schema: s, store };
    };

    it('returns exactly what the SQLite store returns for the same commands', async () => {
      const { store: pgStore } = await open();
      const lite = new SqliteActivityStore(':memory:');
      stores.push(lite);
      await lite.migrate();
      const batches: ActivityCommand[][] = [
        [cmd.team('t1'), cmd.volunteer('v1'), cmd.volunteer('v2'), cmd.activity('a1', { lon: 109.98123456789012, lat: 39.8212345678901 }), cmd.order('o1', { requestedAtMs: T0 + 1 })],
        [cmd.checkIn('c1', 'a1', 'v1', T0 + 123), cmd.checkIn('c1', 'a1', 'v1'), cmd.checkIn('c2', 'a1', 'v2', T0 + 999), cmd.checkIn('c3', 'a1', 'v1'), cmd.checkOut('a1', 'v1', T0 + 61_001)],
        [cmd.stage('o1', 'dispatched', { partnerUnit: '单位 "甲" \\ 乙' }), cmd.stage('o1', 'done'), cmd.stage('o1', 'accepted'), cmd.act('a1', 'end', { note: '' })],
        [cmd.stage('o1', 'done'), cmd.stage('o1', 'rated', { rating: 3, comment: '一般' }), cmd.stage('zz', 'done'), cmd.act('a1', 'cancel')],
      ];
      const strip = (outs: ActivityOutcome[]) => JSON.parse(JSON.stringify(outs));
      for (const b of batches) expect(strip(await pgStore.apply(b))).toEqual(strip(await lite.apply(b)));
      expect(await pgStore.getActivity('a1')).toEqual(await lite.getActivity('a1'));
      expect(await pgStore.participationsOf('a1')).toEqual(await lite.participationsOf('a1'));
      expect(await pgStore.orderHistory('o1')).toEqual(await lite.orderHistory('o1'));
      expect(await pgStore.volunteerRecord('v1')).toEqual(await lite.volunteerRecord('v1'));
      expect((await pgStore.changesSince(0, 100)).map(({ at: _at, ...c }) => c)).toEqual((await lite.changesSince(0, 100)).map(({ at: _at, ...c }) => c));
      const all = async (s: ActivityStore) => {
        const out: unknown[] = [];
        out.push(await s.forEachEntity((e) => out.push(e)));
        out.push(await s.changedBetween(2, 9));
        return out;
      };
      expect(await all(pgStore)).toEqual(await all(lite));
    });

    it('gives gapless seqs in commit order when two processes write at once', async () => {
      const { schema, store: a } = await open();
      const b = new PostgresActivityStore(url!, { schema: schema.name });
      stores.push(b);
      await Promise.all([b.migrate(), a.migrate()]); // concurrent migrations wait for each other
      const writes: Promise<ActivityOutcome[]>[] = [];
      for (let i = 0; i < 20; i++) writes.push((i % 2 ? a : b).apply([cmd.order(`o${i}`), cmd.order(`p${i}`)]));
      await Promise.all(writes);
      const seqs = (await a.changesSince(0, 100)).map((c) => c.seq);
      expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    });

    it('streams the rebuild page by page in one snapshot', async () => {
      const { store } = await open({ rebuildPageRows: 3 });
      const cmds: ActivityCommand[] = [cmd.team('t1')];
      for (let i = 0; i < 10; i++) cmds.push(cmd.order(`o${i}`), cmd.volunteer(`v${i}`));
      await store.apply(cmds);
      const seen: string[] = [];
      expect(await store.forEachEntity((e) => seen.push(e.value.id))).toEqual({ records: 21, seq: 21 });
      expect(new Set(seen).size).toBe(21);
    });

    it('keeps its tables and migrations apart from the event store in the same schema', async () => {
      const { schema, store } = await open();
      const events = schema.open();
      stores.push(events as unknown as ActivityStore);
      await events.migrate();
      await store.apply([cmd.order('o1')]);
      expect(await events.latestSeq()).toBe(0);
      expect(await store.latestSeq()).toBe(1);
    });
  });
});
