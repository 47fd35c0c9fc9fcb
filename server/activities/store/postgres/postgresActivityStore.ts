import pg from 'pg';
import type { Participation, VolunteerActivity, VolunteerRecord, VolunteerTeam } from '../../../../shared/volunteers/volunteerModel';
import type { OrderStageChange, ServiceOrder } from '../../../../shared/serviceCards/serviceOrder';
import type { ActivityChange, ActivityCommand, ActivityOutcome, ActivityStore, ChangeKind, ListQuery, StoredEntity } from '../activityStore';
import { planActivityBatch, snapshotKeys, type ActivitySnapshot, type BatchWrites } from '../planActivityBatch';
import { ACTIVITIES, CHANGES, ENTITY_TABLES, ORDERS, ORDER_STAGES_TABLE, PARTICIPATIONS, TEAMS, VOLUNTEERS, type ColumnKind, type Row, type TableSpec } from '../tables';
import { POSTGRES_ACTIVITY_MIGRATIONS } from './migrations';
import { runPostgresMigrations } from '../../../store/postgres/runPostgresMigrations';

/** int8 (seq, counts, epoch ms) as JS numbers: exact below 2^53. Set on this store's pool only. */
const INT8_OID = 20;
const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** A timestamptz column as exact epoch milliseconds (extract gives numeric, so no rounding). */
const msOf = (col: string) => `(extract(epoch FROM ${col}) * 1000)::int8`;
const ARRAY_TYPE: Record<ColumnKind, string> = { text: 'text[]', int: 'int8[]', real: 'float8[]', time: 'timestamptz[]' };

/** The SELECT list of a table: times as epoch ms, so rows read like SQLite's. */
const selectList = <E>(t: TableSpec<E>, alias = t.name) =>
  t.columns.map((c) => (c.kind === 'time' ? `${msOf(`${alias}.${c.column}`)} AS ${c.column}` : `${alias}.${c.column}`)).join(', ');

/** A row value as a query parameter: times as ISO-8601 (timestamptz reads them exactly). */
const param = (kind: ColumnKind, v: Row[string]) => (v === null ? null : kind === 'time' ? new Date(v as number).toISOString() : v);

/**
 * The writers' advisory-lock key (classid, objid), apart from the event store's: objid is a hash
 * of the schema, so stores in different schemas of one database (tests) do not wait for each other.
 */
const SCHEMA_KEY = `hashtext(coalesce(current_schema(), ''))`;
const WRITE_LOCK = `${0x47504157}, ${SCHEMA_KEY}`; // 'GPAW'

/**
 * Begins a write transaction in one round trip: the write lock (held to COMMIT) makes batches
 * from several server processes apply one after another, so seqs are allocated and committed in
 * order and a record's existence cannot change between our read and our write; COMMIT waits for
 * the WAL flush even where synchronous_commit is off; then the last seq.
 */
const BEGIN_WRITE = `BEGIN;
  SELECT pg_advisory_xact_lock(${WRITE_LOCK}),
    CASE WHEN current_setting('synchronous_commit') = 'off' THEN set_config('synchronous_commit', 'on', true) END;
  SELECT COALESCE(MAX(seq), 0)::int8 AS seq FROM activity_changes`;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PostgresActivityStoreOptions {
  /** Schema to use (search_path), e.g. an isolated one per test; default: the role's search_path. */
  schema?: string;
  /** Pool size (default 5). Writes use one connection at a time; reads may use the rest. */
  max?: number;
  /** Rows per page when streaming the rebuild (forEachEntity). */
  rebuildPageRows?: number;
  /** Told of errors on idle pooled connections (e.g. the server restarted); default console.warn. */
  onIdleError?: (err: Error) => void;
}

/** Adds `-c name=value` startup options to the connection string's own `options`, if any. */
function withStartupOptions(connectionString: string, extra: string[]): pg.PoolConfig {
  if (extra.length === 0) return { connectionString };
  try {
    const url = new URL(connectionString);
    url.searchParams.set('options', [url.searchParams.get('options'), ...extra].filter(Boolean).join(' '));
    return { connectionString: url.toString() };
  } catch {
    return { connectionString, options: extra.join(' ') };
  }
}

/** SQLite reads a negative LIMIT as "no limit"; PostgreSQL refuses one and reads NULL so. */
const limitOrAll = (limit: number) => (limit < 0 ? null : limit);

/**
 * The activity store in PostgreSQL (DATABASE_URL), in the same database as the event store but
 * with tables, migrations, sequence and pool of its own. The rules are the SQLite store's (the
 * shared planActivityBatch). apply() is one transaction: begin + write lock + last seq, the
 * batch's records read in at most five statements, all writes in one statement, commit; it
 * resolves only after COMMIT has returned.
 */
export class PostgresActivityStore implements ActivityStore {
  readonly kind = 'postgres';
  private readonly pool: pg.Pool;
  private readonly pageRows: number;
  private closed = false;

  constructor(connectionString: string, options: PostgresActivityStoreOptions = {}) {
    const extra: string[] = [];
    if (options.schema !== undefined) {
      if (!SCHEMA_NAME.test(options.schema)) throw new Error(`invalid schema name ${JSON.stringify(options.schema)}`);
      extra.push(`-c search_path=${options.schema}`);
    }
    this.pool = new pg.Pool({ ...withStartupOptions(connectionString, extra), max: options.max ?? 5, types: TYPES, application_name: 'gridpulse-activities' });
    // Without a listener an idle connection's error (database restart) would crash the process.
    this.pool.on('error', options.onIdleError ?? ((err: Error) => console.warn(`PostgreSQL idle connection error (activities): ${err.message}`)));
    this.pageRows = options.rebuildPageRows ?? 20_000;
  }

  async migrate(): Promise<void> {
    await runPostgresMigrations(this.pool, 'activity_schema_migrations', POSTGRES_ACTIVITY_MIGRATIONS);
  }

  async apply(batch: readonly ActivityCommand[]): Promise<ActivityOutcome[]> {
    if (batch.length === 0) return [];
    const nowMs = Date.now();
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      const begun = (await client.query(BEGIN_WRITE)) as unknown as pg.QueryResult<{ seq: number }>[];
      const lastSeq = begun[begun.length - 1].rows[0].seq;
      const { outcomes, writes } = planActivityBatch(batch, await this.load(client, batch), lastSeq);
      const write = writeStatement(writes, nowMs);
      if (write) await client.query(write);
      await client.query('COMMIT');
      return outcomes;
    } catch (err) {
      await client.query('ROLLBACK').catch((e: Error) => (broken = e));
      throw err;
    } finally {
      client.release(broken ?? false);
    }
  }

  /** Reads (and locks, FOR UPDATE) the records the batch needs; see ActivitySnapshot. */
  private async load(client: pg.PoolClient, batch: readonly ActivityCommand[]): Promise<ActivitySnapshot> {
    const k = snapshotKeys(batch);
    const byIds = async <E extends { id: string }>(t: TableSpec<E>, ids: string[]) => {
      if (ids.length === 0) return new Map<string, E>();
      const r = await client.query<Row>({ text: `SELECT ${selectList(t)} FROM ${t.name} WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`, values: [ids] });
      return new Map(r.rows.map((row) => t.fromRow(row)).map((e) => [e.id, e]));
    };
    const teams = await byIds(TEAMS, k.teamIds);
    const volunteers = await byIds(VOLUNTEERS, k.volunteerIds);
    const activities = await byIds(ACTIVITIES, k.activityIds);
    const orders = await byIds(ORDERS, k.orderIds);
    const participations = new Map<string, Participation>();
    if (k.participationIds.length || k.volunteerIds.length || k.activityIds.length) {
      const P = PARTICIPATIONS.name;
      const r = await client.query<Row>({
        text: `SELECT ${selectList(PARTICIPATIONS)} FROM ${P}
          WHERE id = ANY($1::text[])
             OR (check_out_at IS NULL AND (volunteer_id = ANY($2::text[]) OR activity_id = ANY($3::text[])))
             OR (activity_id = ANY($3::text[]) AND volunteer_id = ANY($2::text[]))
          ORDER BY id FOR UPDATE`,
        values: [k.participationIds, k.volunteerIds, k.activityIds],
      });
      for (const row of r.rows) {
        const p = PARTICIPATIONS.fromRow(row);
        participations.set(p.id, p);
      }
    }
    return { teams, volunteers, activities, orders, participations };
  }

  async latestSeq(): Promise<number> {
    return (await this.pool.query<{ seq: number }>('SELECT COALESCE(MAX(seq), 0)::int8 AS seq FROM activity_changes')).rows[0].seq;
  }

  /**
   * Streams every record, table by table in pages of `rebuildPageRows` by seq (keyset), inside
   * one read-only REPEATABLE READ transaction, so the pages are one consistent snapshot.
   */
  async forEachEntity(visit: (e: StoredEntity) => void): Promise<{ records: number; seq: number }> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      let records = 0;
      for (const [t, wrap] of ENTITY_TABLES) {
        let after = 0;
        for (;;) {
          const page = await client.query<Row>({ text: `SELECT ${selectList(t)} FROM ${t.name} WHERE seq > $1 ORDER BY seq LIMIT $2`, values: [after, this.pageRows] });
          for (const row of page.rows) {
            const e = t.fromRow(row) as { seq: number };
            visit(wrap(e));
            records++;
            after = e.seq;
          }
          if (page.rows.length < this.pageRows) break;
        }
      }
      const seq = (await client.query<{ seq: number }>('SELECT COALESCE(MAX(seq), 0)::int8 AS seq FROM activity_changes')).rows[0].seq;
      await client.query('COMMIT');
      return { records, seq };
    } catch (err) {
      await client.query('ROLLBACK').catch((e: Error) => (broken = e));
      throw err;
    } finally {
      client.release(broken ?? false);
    }
  }

  async changedBetween(afterSeq: number, uptoSeq: number): Promise<StoredEntity[]> {
    const out: StoredEntity[] = [];
    for (const [t, wrap] of ENTITY_TABLES) {
      const col = t.columns.some((c) => c.column === 'updated_seq') ? 'updated_seq' : 'seq';
      const r = await this.pool.query<Row>({ text: `SELECT ${selectList(t)} FROM ${t.name} WHERE ${col} > $1 AND ${col} <= $2 ORDER BY ${col}`, values: [afterSeq, uptoSeq] });
      for (const row of r.rows) out.push(wrap(t.fromRow(row)));
    }
    return out;
  }

  private async one<E>(t: TableSpec<E>, id: string): Promise<E | null> {
    const r = await this.pool.query<Row>({ text: `SELECT ${selectList(t)} FROM ${t.name} WHERE id = $1`, values: [id] });
    return r.rows.length ? t.fromRow(r.rows[0]) : null;
  }

  getTeam(id: string): Promise<VolunteerTeam | null> {
    return this.one(TEAMS, id);
  }

  getActivity(id: string): Promise<VolunteerActivity | null> {
    return this.one(ACTIVITIES, id);
  }

  getOrder(id: string): Promise<ServiceOrder | null> {
    return this.one(ORDERS, id);
  }

  async volunteerRecord(id: string): Promise<VolunteerRecord | null> {
    const volunteer = await this.one(VOLUNTEERS, id);
    if (!volunteer) return null;
    const t = await this.pool.query<{ sessions: number; service_ms: number; points: number }>({
      text: `SELECT COUNT(*)::int8 AS sessions, COALESCE(SUM(credited_ms), 0)::int8 AS service_ms, COALESCE(SUM(points), 0)::int8 AS points
        FROM volunteer_participations WHERE volunteer_id = $1 AND check_out_at IS NOT NULL`,
      values: [id],
    });
    const open = await this.pool.query<Row>({ text: `SELECT ${selectList(PARTICIPATIONS)} FROM volunteer_participations WHERE volunteer_id = $1 AND check_out_at IS NULL`, values: [id] });
    const s = t.rows[0];
    return { volunteer, sessions: s.sessions, serviceMs: s.service_ms, points: s.points, current: open.rows.length ? PARTICIPATIONS.fromRow(open.rows[0]) : null };
  }

  async participationsOf(activityId: string): Promise<Participation[]> {
    const r = await this.pool.query<Row>({ text: `SELECT ${selectList(PARTICIPATIONS)} FROM volunteer_participations WHERE activity_id = $1 ORDER BY seq`, values: [activityId] });
    return r.rows.map(PARTICIPATIONS.fromRow);
  }

  async orderHistory(orderId: string): Promise<OrderStageChange[]> {
    const r = await this.pool.query<Row>({ text: `SELECT ${selectList(ORDER_STAGES_TABLE)} FROM service_order_stages WHERE order_id = $1 ORDER BY seq`, values: [orderId] });
    return r.rows.map(ORDER_STAGES_TABLE.fromRow);
  }

  private async list<E>(t: TableSpec<E>, placeColumn: string, q: ListQuery, filters: [string, readonly string[] | string | undefined][]): Promise<E[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    const arg = (v: unknown) => `$${args.push(v)}`;
    if (q.placeIds !== null) where.push(`${placeColumn} = ANY(${arg(q.placeIds)}::text[])`);
    for (const [col, v] of filters) {
      if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
      where.push(Array.isArray(v) ? `${col} = ANY(${arg(v)}::text[])` : `${col} = ${arg(v)}`);
    }
    if (q.beforeSeq !== undefined) where.push(`seq < ${arg(q.beforeSeq)}`);
    const sql = `SELECT ${selectList(t)} FROM ${t.name} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY seq DESC LIMIT ${arg(limitOrAll(q.limit))}`;
    return (await this.pool.query<Row>(sql, args)).rows.map(t.fromRow);
  }

  listTeams(q: Parameters<ActivityStore['listTeams']>[0]): Promise<VolunteerTeam[]> {
    return this.list(TEAMS, 'region_id', q, []);
  }

  listActivities(q: Parameters<ActivityStore['listActivities']>[0]): Promise<VolunteerActivity[]> {
    return this.list(ACTIVITIES, 'grid_id', q, [
      ['status', q.statuses],
      ['type', q.types],
      ['team_id', q.teamId],
    ]);
  }

  listOrders(q: Parameters<ActivityStore['listOrders']>[0]): Promise<ServiceOrder[]> {
    return this.list(ORDERS, 'grid_id', q, [
      ['stage', q.stages],
      ['category', q.categories],
    ]);
  }

  async changesSince(afterSeq: number, limit: number): Promise<ActivityChange[]> {
    const r = await this.pool.query<Row>({ text: `SELECT ${selectList(CHANGES)} FROM activity_changes WHERE seq > $1 ORDER BY seq LIMIT $2`, values: [afterSeq, limitOrAll(limit)] });
    return r.rows.map((row) => {
      const c = CHANGES.fromRow(row);
      return { seq: c.seq, kind: c.kind as ChangeKind, entityId: c.entityId, at: c.at };
    });
  }

  /** Ends the pool (waits for checked-out connections to be released). Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/**
 * All of a batch's writes as one statement (one round trip): per table, arrays in and unnest to
 * rows; new or changed records are upserted in their state at the end of the batch (one row per
 * record, so ON CONFLICT never meets the same row twice). Null when nothing is written.
 */
function writeStatement(w: BatchWrites, nowMs: number): pg.QueryConfig | null {
  if (w.changes.length === 0) return null;
  const values: unknown[] = [];
  const parts: string[] = [];
  const add = <E>(t: TableSpec<E>, records: readonly E[], upsert: boolean) => {
    if (records.length === 0) return;
    const rows = records.map((r) => t.toRow(r));
    const arrays = t.columns.map((c) => `$${values.push(rows.map((r) => param(c.kind, r[c.column])))}::${ARRAY_TYPE[c.kind]}`);
    const cols = t.columns.map((c) => c.column);
    const conflict = upsert ? ` ON CONFLICT (${t.key}) DO UPDATE SET ${cols.filter((c) => c !== t.key).map((c) => `${c} = EXCLUDED.${c}`).join(', ')}` : '';
    parts.push(`w${parts.length} AS (INSERT INTO ${t.name} (${cols.join(', ')}) SELECT * FROM unnest(${arrays.join(', ')})${conflict})`);
  };
  const at = new Date(nowMs).toISOString();
  add(CHANGES, w.changes.map((c) => ({ seq: c.seq, at, kind: c.kind, entityId: c.entityId })), false);
  add(TEAMS, w.teams, false);
  add(VOLUNTEERS, w.volunteers, false);
  add(ACTIVITIES, w.activities, true);
  add(PARTICIPATIONS, w.participations, true);
  add(ORDERS, w.orders, true);
  add(ORDER_STAGES_TABLE, w.orderStages, false);
  return { text: `WITH ${parts.join(',\n')} SELECT 1`, values };
}
