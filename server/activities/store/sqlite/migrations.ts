/**
 * Versioned schema of the activity store's tables in the embedded SQLite file, recorded in
 * their own table `activity_schema_migrations` (the event store keeps `schema_migrations`).
 * Append only: once released, a migration is never edited. Times are epoch ms (INTEGER);
 * `activity_changes.seq` is this store's sequence. Columns match ../tables.ts.
 */
export const SQLITE_ACTIVITY_MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE activity_changes (
        seq INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        entity_id TEXT NOT NULL
      );
      CREATE TABLE volunteer_teams (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        name TEXT NOT NULL,
        region_id TEXT NOT NULL,
        registered_at INTEGER NOT NULL
      );
      CREATE INDEX volunteer_teams_region ON volunteer_teams (region_id, seq);
      CREATE TABLE volunteers (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        team_id TEXT NOT NULL,
        region_id TEXT NOT NULL,
        name TEXT NOT NULL,
        registered_at INTEGER NOT NULL
      );
      CREATE INDEX volunteers_team ON volunteers (team_id, seq);
      CREATE TABLE volunteer_activities (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        updated_seq INTEGER NOT NULL,
        team_id TEXT NOT NULL,
        type TEXT NOT NULL,
        title TEXT NOT NULL,
        description TEXT NOT NULL,
        grid_id TEXT NOT NULL,
        lon REAL,
        lat REAL,
        planned_start_at INTEGER NOT NULL,
        planned_end_at INTEGER NOT NULL,
        status TEXT NOT NULL,
        started_at INTEGER,
        ended_at INTEGER,
        resident_visits INTEGER NOT NULL,
        checked_in INTEGER NOT NULL,
        participants INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        closed_by TEXT,
        note TEXT NOT NULL
      );
      CREATE INDEX volunteer_activities_grid ON volunteer_activities (grid_id, seq);
      CREATE INDEX volunteer_activities_team ON volunteer_activities (team_id, seq);
      CREATE TABLE volunteer_participations (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        updated_seq INTEGER NOT NULL,
        activity_id TEXT NOT NULL,
        volunteer_id TEXT NOT NULL,
        grid_id TEXT NOT NULL,
        lon REAL,
        lat REAL,
        check_in_at INTEGER NOT NULL,
        check_out_at INTEGER,
        credited_ms INTEGER NOT NULL,
        points INTEGER NOT NULL,
        actor TEXT NOT NULL
      );
      CREATE INDEX volunteer_participations_activity ON volunteer_participations (activity_id, volunteer_id);
      CREATE INDEX volunteer_participations_volunteer ON volunteer_participations (volunteer_id, seq);
      CREATE INDEX volunteer_participations_open ON volunteer_participations (volunteer_id) WHERE check_out_at IS NULL;
      CREATE TABLE service_orders (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        updated_seq INTEGER NOT NULL,
        category TEXT NOT NULL,
        grid_id TEXT NOT NULL,
        lon REAL,
        lat REAL,
        description TEXT NOT NULL,
        stage TEXT NOT NULL,
        requested_at INTEGER NOT NULL,
        dispatched_at INTEGER,
        accepted_at INTEGER,
        done_at INTEGER,
        rated_at INTEGER,
        cancelled_at INTEGER,
        partner_unit TEXT,
        rating INTEGER,
        rating_comment TEXT NOT NULL,
        actor TEXT NOT NULL
      );
      CREATE INDEX service_orders_grid ON service_orders (grid_id, seq);
      CREATE TABLE service_order_stages (
        seq INTEGER PRIMARY KEY,
        order_id TEXT NOT NULL,
        from_stage TEXT,
        to_stage TEXT NOT NULL,
        actor TEXT NOT NULL,
        partner_unit TEXT,
        rating INTEGER,
        comment TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX service_order_stages_order ON service_order_stages (order_id, seq);
    `,
  },
  {
    // Other processes' changes are found by the seq of each record's latest change (changedBetween).
    version: 2,
    sql: `
      CREATE INDEX volunteer_activities_updated ON volunteer_activities (updated_seq);
      CREATE INDEX volunteer_participations_updated ON volunteer_participations (updated_seq);
      CREATE INDEX service_orders_updated ON service_orders (updated_seq);
    `,
  },
];
