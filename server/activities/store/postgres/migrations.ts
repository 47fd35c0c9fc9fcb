/**
 * Versioned schema of the activity store in PostgreSQL: the same tables as the embedded one
 * (../sqlite/migrations.ts, columns in ../tables.ts) beside the event store's, recorded in
 * their own table `activity_schema_migrations`. Append only: once released, a migration is
 * never edited. Times are timestamptz, written from and read back as exact epoch ms.
 * `activity_changes.seq` is allocated by the store as MAX(seq) + 1, … under its write lock, so it
 * has no gaps and seq order is commit order. Each migration runs in its own transaction under
 * an advisory lock (PostgresActivityStore.migrate).
 */
export const POSTGRES_ACTIVITY_MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE activity_changes (
        seq bigint PRIMARY KEY,
        at timestamptz NOT NULL,
        kind text NOT NULL,
        entity_id text NOT NULL
      );
      CREATE TABLE volunteer_teams (
        id text PRIMARY KEY,
        seq bigint NOT NULL UNIQUE,
        name text NOT NULL,
        region_id text NOT NULL,
        registered_at timestamptz NOT NULL
      );
      CREATE INDEX volunteer_teams_region ON volunteer_teams (region_id, seq);
      CREATE TABLE volunteers (
        id text PRIMARY KEY,
        seq bigint NOT NULL UNIQUE,
        team_id text NOT NULL,
        region_id text NOT NULL,
        name text NOT NULL,
        registered_at timestamptz NOT NULL
      );
      CREATE INDEX volunteers_team ON volunteers (team_id, seq);
      CREATE TABLE volunteer_activities (
        id text PRIMARY KEY,
        seq bigint NOT NULL UNIQUE,
        updated_seq bigint NOT NULL,
        team_id text NOT NULL,
        type text NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        grid_id text NOT NULL,
        lon double precision,
        lat double precision,
        planned_start_at timestamptz NOT NULL,
        planned_end_at timestamptz NOT NULL,
        status text NOT NULL,
        started_at timestamptz,
        ended_at timestamptz,
        resident_visits bigint NOT NULL,
        checked_in bigint NOT NULL,
        participants bigint NOT NULL,
        created_at timestamptz NOT NULL,
        actor text NOT NULL,
        closed_by text,
        note text NOT NULL
      );
      CREATE INDEX volunteer_activities_grid ON volunteer_activities (grid_id, seq);
      CREATE INDEX volunteer_activities_team ON volunteer_activities (team_id, seq);
      CREATE TABLE volunteer_participations (
        id text PRIMARY KEY,
        seq bigint NOT NULL UNIQUE,
        updated_seq bigint NOT NULL,
        activity_id text NOT NULL,
        volunteer_id text NOT NULL,
        grid_id text NOT NULL,
        lon double precision,
        lat double precision,
        check_in_at timestamptz NOT NULL,
        check_out_at timestamptz,
        credited_ms bigint NOT NULL,
        points bigint NOT NULL,
        actor text NOT NULL
      );
      CREATE INDEX volunteer_participations_activity ON volunteer_participations (activity_id, volunteer_id);
      CREATE INDEX volunteer_participations_volunteer ON volunteer_participations (volunteer_id, seq);
      CREATE INDEX volunteer_participations_open ON volunteer_participations (volunteer_id) WHERE check_out_at IS NULL;
      CREATE TABLE service_orders (
        id text PRIMARY KEY,
        seq bigint NOT NULL UNIQUE,
        updated_seq bigint NOT NULL,
        category text NOT NULL,
        grid_id text NOT NULL,
        lon double precision,
        lat double precision,
        description text NOT NULL,
        stage text NOT NULL,
        requested_at timestamptz NOT NULL,
        dispatched_at timestamptz,
        accepted_at timestamptz,
        done_at timestamptz,
        rated_at timestamptz,
        cancelled_at timestamptz,
        partner_unit text,
        rating bigint,
        rating_comment text NOT NULL,
        actor text NOT NULL
      );
      CREATE INDEX service_orders_grid ON service_orders (grid_id, seq);
      CREATE TABLE service_order_stages (
        seq bigint PRIMARY KEY,
        order_id text NOT NULL,
        from_stage text,
        to_stage text NOT NULL,
        actor text NOT NULL,
        partner_unit text,
        rating bigint,
        comment text NOT NULL,
        at timestamptz NOT NULL
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
