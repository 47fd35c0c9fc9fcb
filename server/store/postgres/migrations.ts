/**
 * Versioned schema of the PostgreSQL store, the same tables as the embedded one
 * (../sqlite/migrations.ts). Append only: once released, a migration is never edited.
 * Times are timestamptz (written from, and read back as, exact epoch milliseconds).
 * `changes.seq` is the store's sequence: allocated by the store as MAX(seq) + 1, … under its
 * write lock, not by a database sequence, so that like SQLite's AUTOINCREMENT it has no gaps
 * (a rolled-back batch gives its numbers back) and seq order is commit order.
 * Each migration runs in its own transaction under an advisory lock (PostgresEventStore.migrate).
 */
export const POSTGRES_MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE changes (
        seq bigint PRIMARY KEY,
        at timestamptz NOT NULL,
        kind text NOT NULL,
        event_id text NOT NULL
      );
      CREATE TABLE events (
        id text PRIMARY KEY,
        seq bigint NOT NULL UNIQUE,
        updated_seq bigint NOT NULL,
        category text NOT NULL,
        severity text NOT NULL,
        source text NOT NULL,
        lon double precision NOT NULL,
        lat double precision NOT NULL,
        grid_id text NOT NULL,
        description text NOT NULL,
        status text NOT NULL,
        reported_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL,
        closed_at timestamptz,
        deadline_at timestamptz NOT NULL,
        overdue_at timestamptz,
        unit text
      );
      CREATE INDEX events_grid_seq ON events (grid_id, seq);
      CREATE INDEX events_reported_at ON events (reported_at);
      CREATE INDEX events_open_deadline ON events (deadline_at) WHERE overdue_at IS NULL AND status NOT IN ('closed', 'rejected');
      CREATE TABLE transitions (
        seq bigint PRIMARY KEY,
        event_id text NOT NULL,
        action text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        actor text NOT NULL,
        note text NOT NULL,
        unit text,
        at timestamptz NOT NULL
      );
      CREATE INDEX transitions_event ON transitions (event_id, seq);
    `,
  },
  {
    version: 2,
    sql: `
      ALTER TABLE events ADD COLUMN reporter_name text;
      ALTER TABLE events ADD COLUMN reporter_phone text;
    `,
  },
];
