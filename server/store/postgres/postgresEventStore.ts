import pg from 'pg';
import type { EventTransition, GridEvent } from '../../../shared/events/gridEvent';
import type { CountableEvent } from '../../../shared/aggregates/regionCounters';
import type { Category, Source } from '../../../shared/events/categories';
import type { EventStatus } from '../../../shared/events/status';
import type { CommandOutcome, EventPlace, EventQuery, EventStore, StoreCommand, StoredChange } from '../eventStore';
import { planCommand } from '../planCommand';
import { toEvent, toTransition, type EventRow, type TransitionRow } from '../eventRows';

const iso = (ms: number) => new Date(ms).toISOString();
import { POSTGRES_MIGRATIONS } from './migrations';
import { runPostgresMigrations } from './runPostgresMigrations';

/** A timestamptz column as exact epoch milliseconds (extract gives numeric, so no rounding). */
const msOf = (col: string) => `(extract(epoch FROM ${col}) * 1000)::int8`;

const EVENT_COLUMNS = (t: string) =>
  [
    `${t}.id`,
    `${t}.seq`,
    `${t}.updated_seq`,
    `${t}.category`,
    `${t}.severity`,
    `${t}.source`,
    `${t}.lon`,
    `${t}.lat`,
    `${t}.grid_id`,
    `${t}.description`,
    `${t}.status`,
    `${msOf(`${t}.reported_at`)} AS reported_at`,
    `${msOf(`${t}.received_at`)} AS received_at`,
    `${msOf(`${t}.closed_at`)} AS closed_at`,
    `${msOf(`${t}.deadline_at`)} AS deadline_at`,
    `${msOf(`${t}.overdue_at`)} AS overdue_at`,
    `${t}.unit`,
    `${t}.reporter_name`,
    `${t}.reporter_phone`,
  ].join(', ');

const TRANSITION_COLUMNS = `seq, event_id, action, from_status, to_status, actor, note, unit, ${msOf('at')} AS at`;

/**
 * int8 (seq, counts, epoch ms) as JS numbers: exact below 2^53, which a seq or a millisecond
 * time will not reach. Set on this store's pool only, not pg's global parsers.
 */
const INT8_OID = 20;
const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * Advisory-lock keys (classid, objid): objid is a hash of the schema the tables are in, so two
 * GridPulse databases-in-schemas on one server (tests) do not wait for each other.
 */
const SCHEMA_KEY = `hashtext(coalesce(current_schema(), ''))`;
const WRITE_LOCK = `${0x47505752}, ${SCHEMA_KEY}`; // 'GPWR'

/**
 * Starts a write transaction, in one round trip (simple-query protocol, several statements):
 * - takes the write lock, held to COMMIT, so batches from several server processes apply one
 *   after another: seqs are allocated and committed in order (a screen resuming with
 *   changesSince(seq) cannot miss a change committed late with a lower seq), and an id's
 *   existence cannot change between our read and our insert;
 * - makes COMMIT wait for the WAL flush even if the database or role has
 *   synchronous_commit = off, since a resolved apply() means durable;
 * - reads the last seq (each statement has its own snapshot, so this sees every batch
 *   committed before the lock was granted).
 */
const BEGIN_WRITE = `BEGIN;
  SELECT pg_advisory_xact_lock(${WRITE_LOCK}),
    CASE WHEN current_setting('synchronous_commit') = 'off' THEN set_config('synchronous_commit', 'on', true) END;
  SELECT COALESCE(MAX(seq), 0)::int8 AS seq FROM changes`;

/**
 * All of a batch's writes as one statement: arrays in, unnest to rows, so a batch of 500 is one
 * round trip. Created events are inserted in their state at the end of the batch and existing
 * ones updated to theirs; the two sets never overlap (the CTEs share one snapshot, so an UPDATE
 * here could not see a row inserted beside it).
 *
 * No statement of this store is a named (server-side cached) one: a plan cached while the
 * tables were small is kept as they grow (until autoanalyze invalidates it); measured, that
 * made the batch read's time grow linearly with the table, ingest ~10x slower by 50,000
 * events. Planning each time costs well under a millisecond.
 */
const WRITE_BATCH = `
  WITH c AS (
    INSERT INTO changes (seq, at, kind, event_id)
    SELECT seq, $1::timestamptz, kind, event_id FROM unnest($2::int8[], $3::text[], $4::text[]) AS u(seq, kind, event_id)
  ), e AS (
    INSERT INTO events (id, seq, updated_seq, category, severity, source, lon, lat, grid_id, description, status,
      reported_at, received_at, closed_at, deadline_at, overdue_at, unit, reporter_name, reporter_phone)
    SELECT * FROM unnest($5::text[], $6::int8[], $7::int8[], $8::text[], $9::text[], $10::text[], $11::float8[], $12::float8[],
      $13::text[], $14::text[], $15::text[], $16::timestamptz[], $17::timestamptz[], $18::timestamptz[], $19::timestamptz[],
      $20::timestamptz[], $21::text[], $37::text[], $38::text[])
  ), u AS (
    UPDATE events SET updated_seq = u.updated_seq, status = u.status, closed_at = u.closed_at, overdue_at = u.overdue_at, unit = u.unit
    FROM unnest($22::text[], $23::int8[], $24::text[], $25::timestamptz[], $26::timestamptz[], $27::text[])
      AS u(id, updated_seq, status, closed_at, overdue_at, unit)
    WHERE events.id = u.id
  )
  INSERT INTO transitions (seq, event_id, action, from_status, to_status, actor, note, unit, at)
  SELECT * FROM unnest($28::int8[], $29::text[], $30::text[], $31::text[], $32::text[], $33::text[], $34::text[], $35::text[],
    $36::timestamptz[])`;

export interface PostgresStoreOptions {
  /** Schema to use (search_path), e.g. an isolated one per test; default: the role's search_path. */
  schema?: string;
  /** Pool size (default 10). Writes use one connection at a time; reads may use the rest. */
  max?: number;
  /** Events per page when streaming the rebuild (forEachCountable). */
  rebuildPageRows?: number;
  /** Told of errors on idle pooled connections (e.g. the server restarted); default console.warn. */
  onIdleError?: (err: Error) => void;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

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

function idOf(cmd: StoreCommand): string {
  return cmd.type === 'create' ? cmd.record.id : cmd.eventId;
}

/**
 * The shared store: PostgreSQL through node-postgres, for deployments that run several server
 * processes or want a managed database. Same tables and behaviour as the SQLite store (the
 * lifecycle rules are shared, in planCommand.ts); times are timestamptz.
 *
 * apply() is one transaction of four round trips whatever the batch size: begin + write lock +
 * last seq, read (FOR UPDATE) the batch's existing events, write everything in one statement,
 * commit. It resolves only after COMMIT has returned.
 */
export class PostgresEventStore implements EventStore {
  readonly kind = 'postgres';
  /** The pool; other stores of the same database (alerts, users) borrow it. */
  readonly pool: pg.Pool;
  private readonly pageRows: number;
  private closed = false;

  /** `connectionString` is DATABASE_URL (postgres://user:pass@host:port/db). */
  constructor(connectionString: string, options: PostgresStoreOptions = {}) {
    const extra: string[] = [];
    if (options.schema !== undefined) {
      if (!SCHEMA_NAME.test(options.schema)) throw new Error(`invalid schema name ${JSON.stringify(options.schema)}`);
      extra.push(`-c search_path=${options.schema}`);
    }
    this.pool = new pg.Pool({
      ...withStartupOptions(connectionString, extra),
      max: options.max ?? 10,
      types: TYPES,
      application_name: 'gridpulse',
    });
    // Without a listener an idle connection's error (database restart) would crash the process;
    // the pool drops that connection and the next query opens a new one.
    const onIdleError = options.onIdleError ?? ((err: Error) => console.warn(`PostgreSQL idle connection error: ${err.message}`));
    this.pool.on('error', onIdleError);
    this.pageRows = options.rebuildPageRows ?? 20_000;
  }

  async migrate(): Promise<void> {
    await runPostgresMigrations(this.pool, 'schema_migrations', POSTGRES_MIGRATIONS);
  }

  async apply(batch: readonly StoreCommand[]): Promise<CommandOutcome[]> {
    if (batch.length === 0) return [];
    const nowIso = iso(Date.now());
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      const begun = (await client.query(BEGIN_WRITE)) as unknown as pg.QueryResult<{ seq: number }>[];
      const lastSeq = begun[begun.length - 1].rows[0].seq;
      const ids = [...new Set(batch.map(idOf))];
      const found = await client.query<EventRow>({
        text: `SELECT ${EVENT_COLUMNS('events')} FROM events WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
        values: [ids],
      });
      const stored = new Map(found.rows.map((r) => [r.id, toEvent(r)]));
      const p = this.plan(batch, stored, lastSeq, nowIso);
      if (p.values) await client.query({ text: WRITE_BATCH, values: p.values });
      await client.query('COMMIT');
      return p.outcomes;
    } catch (err) {
      await client.query('ROLLBACK').catch((e: Error) => (broken = e));
      throw err;
    } finally {
      client.release(broken ?? false);
    }
  }

  /**
   * Applies the batch's commands in order to the stored states, as the SQLite store does one
   * row at a time: each created or changed event takes the next seq after `lastSeq`; a
   * duplicate, refusal or no-op takes none. Returns the outcomes and the write statement's
   * parameters (null when nothing is written).
   */
  private plan(
    batch: readonly StoreCommand[],
    stored: ReadonlyMap<string, GridEvent>,
    lastSeq: number,
    nowIso: string,
  ): { outcomes: CommandOutcome[]; values: unknown[] | null } {
    const state = new Map(stored);
    const created = new Map<string, GridEvent>();
    const updated = new Map<string, GridEvent>();
    const changes: { seq: number; kind: StoredChange['kind']; eventId: string }[] = [];
    const transitions: EventTransition[] = [];
    const outcomes: CommandOutcome[] = [];
    let seq = lastSeq;

    for (const cmd of batch) {
      const id = idOf(cmd);
      const plan = planCommand(state.get(id) ?? null, cmd);
      switch (plan.type) {
        case 'create': {
          seq++;
          const event = { ...plan.event, seq, updatedSeq: seq };
          const transition = { ...plan.transition, seq };
          state.set(id, event);
          created.set(id, event);
          changes.push({ seq, kind: 'event.created', eventId: id });
          transitions.push(transition);
          outcomes.push({ type: 'created', event });
          break;
        }
        case 'update': {
          seq++;
          const event = { ...plan.event, updatedSeq: seq };
          const transition = plan.transition && { ...plan.transition, seq };
          state.set(id, event);
          (created.has(id) ? created : updated).set(id, event);
          changes.push({ seq, kind: plan.kind, eventId: id });
          if (transition) transitions.push(transition);
          outcomes.push({ type: 'changed', before: plan.before, event, transition });
          break;
        }
        default:
          outcomes.push(plan);
      }
    }
    if (changes.length === 0) return { outcomes, values: null };

    const ins = [...created.values()];
    const upd = [...updated.values()];
    const col = <T, V>(rows: T[], f: (r: T) => V) => rows.map(f);
    const values: unknown[] = [
      nowIso,
      col(changes, (c) => c.seq),
      col(changes, (c) => c.kind),
      col(changes, (c) => c.eventId),
      col(ins, (e) => e.id),
      col(ins, (e) => e.seq),
      col(ins, (e) => e.updatedSeq),
      col(ins, (e) => e.category),
      col(ins, (e) => e.severity),
      col(ins, (e) => e.source),
      col(ins, (e) => e.lon),
      col(ins, (e) => e.lat),
      col(ins, (e) => e.gridId),
      col(ins, (e) => e.description),
      col(ins, (e) => e.status),
      col(ins, (e) => e.reportedAt),
      col(ins, (e) => e.receivedAt),
      col(ins, (e) => e.closedAt),
      col(ins, (e) => e.deadline),
      col(ins, (e) => e.overdueAt),
      col(ins, (e) => e.unit),
      col(upd, (e) => e.id),
      col(upd, (e) => e.updatedSeq),
      col(upd, (e) => e.status),
      col(upd, (e) => e.closedAt),
      col(upd, (e) => e.overdueAt),
      col(upd, (e) => e.unit),
      col(transitions, (t) => t.seq),
      col(transitions, (t) => t.eventId),
      col(transitions, (t) => t.action),
      col(transitions, (t) => t.fromStatus),
      col(transitions, (t) => t.toStatus),
      col(transitions, (t) => t.actor),
      col(transitions, (t) => t.note),
      col(transitions, (t) => t.unit),
      col(transitions, (t) => t.at),
      col(ins, (e) => e.reporter?.name ?? null),
      col(ins, (e) => e.reporter?.phone ?? null),
    ];
    return { outcomes, values };
  }

  async latestSeq(): Promise<number> {
    const r = await this.pool.query<{ seq: number }>('SELECT COALESCE(MAX(seq), 0)::int8 AS seq FROM changes');
    return r.rows[0].seq;
  }

  /**
   * Streams every event in pages of `rebuildPageRows` by seq (keyset), inside one read-only
   * REPEATABLE READ transaction so the pages are one consistent snapshot; memory holds one page.
   */
  async forEachCountable(visit: (place: EventPlace, e: CountableEvent) => void): Promise<{ count: number; seq: number }> {
    type Row = [number, string, number, number, Category, Source, EventStatus, number, number | null, number, boolean];
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      // First statement fixes the snapshot: this seq and the rows below are the same moment.
      const seq = (await client.query<{ seq: number }>('SELECT COALESCE(MAX(seq), 0)::int8 AS seq FROM changes')).rows[0].seq;
      let n = 0;
      let after = 0;
      for (;;) {
        const page = await client.query<Row>({
          text: `SELECT seq, grid_id, lon, lat, category, source, status, ${msOf('reported_at')}, ${msOf('closed_at')}, ${msOf('deadline_at')},
            overdue_at IS NOT NULL FROM events WHERE seq > $1 ORDER BY seq LIMIT $2`,
          values: [after, this.pageRows],
          rowMode: 'array',
        });
        for (const [, gridId, lon, lat, category, source, status, reportedAtMs, closedAtMs, deadlineMs, overdue] of page.rows) {
          visit({ gridId, lon, lat }, { category, source, status, reportedAtMs, closedAtMs, deadlineMs, overdue });
          n++;
        }
        if (page.rows.length < this.pageRows) break;
        after = page.rows[page.rows.length - 1][0];
      }
      await client.query('COMMIT');
      return { count: n, seq };
    } catch (err) {
      await client.query('ROLLBACK').catch((e: Error) => (broken = e));
      throw err;
    } finally {
      client.release(broken ?? false);
    }
  }

  async openDeadlines(): Promise<{ id: string; deadlineMs: number }[]> {
    const r = await this.pool.query<{ id: string; deadlineMs: number }>(
      `SELECT id, ${msOf('deadline_at')} AS "deadlineMs" FROM events
       WHERE overdue_at IS NULL AND status NOT IN ('closed', 'rejected') ORDER BY deadline_at, id`,
    );
    return r.rows;
  }

  async getEvent(id: string): Promise<GridEvent | null> {
    const r = await this.pool.query<EventRow>({ text: `SELECT ${EVENT_COLUMNS('events')} FROM events WHERE id = $1`, values: [id] });
    return r.rows.length ? toEvent(r.rows[0]) : null;
  }

  async history(id: string): Promise<EventTransition[]> {
    const r = await this.pool.query<TransitionRow>({
      text: `SELECT ${TRANSITION_COLUMNS} FROM transitions WHERE event_id = $1 ORDER BY seq`,
      values: [id],
    });
    return r.rows.map(toTransition);
  }

  async queryEvents(q: EventQuery): Promise<GridEvent[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    const arg = (v: unknown) => `$${args.push(v)}`;
    const inList = (col: string, values: readonly string[]) => where.push(`${col} = ANY(${arg(values)}::text[])`);
    if (q.gridIds !== null) inList('grid_id', q.gridIds);
    if (q.statuses?.length) inList('status', q.statuses);
    if (q.categories?.length) inList('category', q.categories);
    if (q.severities?.length) inList('severity', q.severities);
    if (q.overdue !== undefined) where.push(q.overdue ? 'overdue_at IS NOT NULL' : 'overdue_at IS NULL');
    if (q.fromMs !== undefined) where.push(`reported_at >= ${arg(iso(q.fromMs))}::timestamptz`);
    if (q.toMs !== undefined) where.push(`reported_at < ${arg(iso(q.toMs))}::timestamptz`);
    if (q.beforeSeq !== undefined) where.push(`seq < ${arg(q.beforeSeq)}`);
    const sql = `SELECT ${EVENT_COLUMNS('events')} FROM events ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
      ORDER BY seq DESC LIMIT ${arg(limitOrAll(q.limit))}`;
    return (await this.pool.query<EventRow>(sql, args)).rows.map(toEvent);
  }

  async countEvents(gridIds: readonly string[] | null): Promise<number> {
    const r =
      gridIds === null
        ? await this.pool.query<{ n: number }>('SELECT COUNT(*) AS n FROM events')
        : await this.pool.query<{ n: number }>('SELECT COUNT(*) AS n FROM events WHERE grid_id = ANY($1::text[])', [gridIds]);
    return r.rows[0].n;
  }

  async changesSince(afterSeq: number, limit: number): Promise<StoredChange[]> {
    const r = await this.pool.query<EventRow & { change_seq: number; kind: StoredChange['kind'] }>({
      text: `SELECT c.seq AS change_seq, c.kind AS kind, ${EVENT_COLUMNS('e')} FROM changes c JOIN events e ON e.id = c.event_id
        WHERE c.seq > $1 ORDER BY c.seq LIMIT $2`,
      values: [afterSeq, limitOrAll(limit)],
    });
    return r.rows.map((row) => ({ seq: row.change_seq, kind: row.kind, event: toEvent(row) }));
  }

  /** Ends the pool (waits for checked-out connections to be released). Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/** SQLite reads a negative LIMIT as "no limit"; PostgreSQL refuses one, and reads NULL so. */
function limitOrAll(limit: number): number | null {
  return limit < 0 ? null : limit;
}
