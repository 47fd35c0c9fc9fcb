import type pg from 'pg';
import type { Migration } from '../sqlite/runSqliteMigrations';

/**
 * Applies the migrations not yet recorded in `table`, each in its own transaction, under a
 * session advisory lock keyed by the table and the schema: two processes starting together
 * migrate one after the other, and the second finds everything applied.
 */
export async function runPostgresMigrations(pool: pg.Pool, table: string, migrations: readonly Migration[]): Promise<void> {
  const lock = `hashtext('gridpulse.migrate.${table}'), hashtext(coalesce(current_schema(), ''))`;
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(`SELECT pg_advisory_lock(${lock})`);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS ${table} (version integer PRIMARY KEY, applied_at timestamptz NOT NULL)`);
      const done = new Set((await client.query<{ version: number }>(`SELECT version FROM ${table}`)).rows.map((r) => r.version));
      for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
        if (done.has(m.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query(`INSERT INTO ${table} (version, applied_at) VALUES ($1, now())`, [m.version]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK').catch((e: Error) => (broken = e));
          throw err;
        }
      }
    } finally {
      if (!broken) await client.query(`SELECT pg_advisory_unlock(${lock})`).catch((e: Error) => (broken = e));
    }
  } finally {
    // A broken connection is destroyed, which also releases its session lock.
    client.release(broken ?? false);
  }
}
