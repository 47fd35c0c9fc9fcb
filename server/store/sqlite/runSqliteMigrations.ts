import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  sql: string;
}

/**
 * Applies the migrations not yet recorded in `table`, with their records, in version order, all
 * in one IMMEDIATE transaction: a second process migrating the same file waits for the first
 * (busy_timeout) and then finds everything applied, instead of failing half-way. Each store
 * keeps its own table, so stores sharing a file migrate independently.
 */
export function runSqliteMigrations(db: Database.Database, table: string, migrations: readonly Migration[]): void {
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)`);
    const done = new Set(db.prepare(`SELECT version FROM ${table}`).pluck().all() as number[]);
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      db.exec(m.sql);
      db.prepare(`INSERT INTO ${table} (version, applied_at) VALUES (?, ?)`).run(m.version, Date.now());
    }
  }).immediate();
}
