import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PostgresEventStore, type PostgresStoreOptions } from './postgresEventStore';

/**
 * A fresh, empty schema in the database at `url`, for one test (or one bench run), so runs do
 * not see each other's data and need no superuser: only CREATE on the database.
 * `open()` returns a store whose connections use that schema (search_path); `drop()` removes it
 * and everything in it.
 */
export interface TestSchema {
  readonly name: string;
  open(options?: Omit<PostgresStoreOptions, 'schema'>): PostgresEventStore;
  drop(): Promise<void>;
}

export async function createTestSchema(url: string, prefix = 'gp_test'): Promise<TestSchema> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withClient(url, (c) => c.query(`CREATE SCHEMA ${name}`));
  return {
    name,
    open: (options = {}) => new PostgresEventStore(url, { ...options, schema: name }),
    drop: () => withClient(url, (c) => c.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await f(client);
  } finally {
    await client.end();
  }
}
