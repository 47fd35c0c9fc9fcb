import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeActivityStoreContract, cmd } from '../activityStoreContract';
import { SqliteActivityStore } from './sqliteActivityStore';
import { SqliteEventStore } from '../../../store/sqlite/sqliteEventStore';

describeActivityStoreContract('sqlite (embedded)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gp-activity-store-'));
  let store = new SqliteActivityStore(dir);
  await store.migrate();
  return {
    store,
    async reopen() {
      store = new SqliteActivityStore(dir);
      return store;
    },
    async cleanup() {
      await store.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SQLite activity store beside the event store', () => {
  it('shares gridpulse.sqlite with the event store through its own connection and migrations table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gp-activity-store-'));
    const events = new SqliteEventStore(dir);
    const activities = new SqliteActivityStore(dir);
    try {
      await events.migrate();
      await activities.migrate();
      await activities.apply([cmd.team('t1'), cmd.order('o1')]);
      // The event store's sequence is its own: the activity store's changes do not move it.
      expect(await events.latestSeq()).toBe(0);
      expect(await activities.latestSeq()).toBe(2);
      const Database = (await import('better-sqlite3')).default;
      const db = new Database(join(dir, 'gridpulse.sqlite'), { readonly: true });
      const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
      expect(tables).toEqual(expect.arrayContaining(['activity_schema_migrations', 'schema_migrations', 'activity_changes', 'changes', 'events', 'service_orders']));
      expect(db.prepare('SELECT version FROM activity_schema_migrations').pluck().all()).toEqual([1, 2]);
      db.close();
    } finally {
      await activities.close();
      await events.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
