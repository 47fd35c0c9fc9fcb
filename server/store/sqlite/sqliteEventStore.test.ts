import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '../eventStoreContract';
import { SqliteEventStore } from './sqliteEventStore';

describeEventStoreContract('sqlite (embedded)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gp-store-'));
  let store = new SqliteEventStore(dir);
  await store.migrate();
  return {
    store,
    async reopen() {
      store = new SqliteEventStore(dir);
      return store;
    },
    async cleanup() {
      await store.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
