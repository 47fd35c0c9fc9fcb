import { describe } from 'vitest';
import { createTestSchema, type TestSchema } from '../../server/store/postgres/testSchema';

/** A store a server process can be started with: env to pass, and how to clean up after. */
export interface StoreUnderTest {
  name: string;
  env(): Promise<Record<string, string>>;
  cleanup(): Promise<void>;
}

const databaseUrl = process.env.DATABASE_URL;

/**
 * The stores every cross-process suite runs against: the embedded one always, and PostgreSQL
 * (a scratch schema per suite) when DATABASE_URL is set; when not, the PostgreSQL run is
 * skipped under a name that says so.
 */
export function describeEachStore(title: string, body: (store: StoreUnderTest) => void): void {
  describe(`${title} [embedded SQLite]`, () => body({ name: 'sqlite', env: async () => ({}), cleanup: async () => undefined }));
  const pgTitle = databaseUrl ? `${title} [PostgreSQL]` : `${title} [PostgreSQL — skipped: DATABASE_URL not set]`;
  describe.skipIf(!databaseUrl)(pgTitle, () => {
    let schema: TestSchema | null = null;
    body({
      name: 'postgres',
      async env() {
        schema ??= await createTestSchema(databaseUrl!, 'gp_it');
        return { DATABASE_URL: databaseUrl!, DATABASE_SCHEMA: schema.name };
      },
      async cleanup() {
        await schema?.drop();
        schema = null;
      },
    });
  });
}
