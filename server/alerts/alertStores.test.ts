import { describe } from 'vitest';
import { describeAlertStoreContract } from './alertStoreContract';
import { SqliteEventStore } from '../store/sqlite/sqliteEventStore';
import { SqliteAlertStore } from './sqliteAlertStore';
import { PostgresAlertStore } from './postgresAlertStore';
import { createTestSchema } from '../store/postgres/testSchema';

describeAlertStoreContract('sqlite (embedded)', async () => {
  const events = new SqliteEventStore(':memory:');
  return { store: new SqliteAlertStore(events.db), cleanup: () => events.close() };
});

const url = process.env.DATABASE_URL;
if (url) {
  describeAlertStoreContract('postgres', async () => {
    const schema = await createTestSchema(url, 'gp_alerts');
    const events = schema.open();
    return {
      store: new PostgresAlertStore(events.pool),
      async cleanup() {
        await events.close();
        await schema.drop();
      },
    };
  });
} else {
  describe.skip('AlertStore contract: postgres (skipped: DATABASE_URL not set)', () => undefined);
}
