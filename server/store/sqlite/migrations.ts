/**
 * Versioned schema of the embedded store. Append only: once released, a migration is never
 * edited. Times are epoch milliseconds (INTEGER); `changes.seq` is the store's sequence.
 */
export const SQLITE_MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        event_id TEXT NOT NULL
      );
      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        updated_seq INTEGER NOT NULL,
        category TEXT NOT NULL,
        severity TEXT NOT NULL,
        source TEXT NOT NULL,
        lon REAL NOT NULL,
        lat REAL NOT NULL,
        grid_id TEXT NOT NULL,
        description TEXT NOT NULL,
        status TEXT NOT NULL,
        reported_at INTEGER NOT NULL,
        received_at INTEGER NOT NULL,
        closed_at INTEGER,
        deadline_at INTEGER NOT NULL,
        overdue_at INTEGER,
        unit TEXT
      );
      CREATE INDEX events_grid_seq ON events (grid_id, seq);
      CREATE INDEX events_reported_at ON events (reported_at);
      CREATE INDEX events_open_deadline ON events (deadline_at) WHERE overdue_at IS NULL AND status NOT IN ('closed', 'rejected');
      CREATE TABLE transitions (
        seq INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_status TEXT,
        to_status TEXT NOT NULL,
        actor TEXT NOT NULL,
        note TEXT NOT NULL,
        unit TEXT,
        at INTEGER NOT NULL
      );
      CREATE INDEX transitions_event ON transitions (event_id, seq);
    `,
  },
  {
    version: 2,
    sql: `
      ALTER TABLE events ADD COLUMN reporter_name TEXT;
      ALTER TABLE events ADD COLUMN reporter_phone TEXT;
    `,
  },
];
