import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Participation, VolunteerActivity, VolunteerRecord, VolunteerTeam } from '../../../../shared/volunteers/volunteerModel';
import type { OrderStageChange, ServiceOrder } from '../../../../shared/serviceCards/serviceOrder';
import type { ActivityChange, ActivityCommand, ActivityOutcome, ActivityStore, ChangeKind, StoredEntity } from '../activityStore';
import { planActivityBatch, snapshotKeys, type ActivitySnapshot, type BatchWrites } from '../planActivityBatch';
import { ACTIVITIES, CHANGES, ENTITY_TABLES, ORDERS, ORDER_STAGES_TABLE, PARTICIPATIONS, TEAMS, VOLUNTEERS, type Row, type TableSpec } from '../tables';
import { SQLITE_ACTIVITY_MIGRATIONS } from './migrations';
import { runSqliteMigrations } from '../../../store/sqlite/runSqliteMigrations';

type Filters = { where: string[]; args: unknown[] };

/** `col IN (…)` over a JSON array argument: one statement whatever the list's length. */
function inList(f: Filters, col: string, values: readonly string[]): void {
  f.where.push(`${col} IN (SELECT value FROM json_each(?))`);
  f.args.push(JSON.stringify(values));
}

const whereOf = (f: Filters) => (f.where.length ? `WHERE ${f.where.join(' AND ')}` : '');

/**
 * The activity store in the embedded SQLite file `<DATA_DIR>/gridpulse.sqlite`, beside the
 * event store's tables but through a connection of its own (WAL, synchronous=FULL: a
 * committed batch survives a process kill and a power cut). better-sqlite3 runs each
 * transaction synchronously, so the two connections of one process never wait for each other;
 * one file keeps a district's data in one place to back up.
 */
export class SqliteActivityStore implements ActivityStore {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;

  /** Opens (creating if needed) `<dataDir>/gridpulse.sqlite`; ':memory:' for tests. */
  constructor(dataDir: string | ':memory:') {
    if (dataDir === ':memory:') this.db = new Database(':memory:');
    else {
      mkdirSync(dataDir, { recursive: true });
      this.db = new Database(join(dataDir, 'gridpulse.sqlite'));
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
  }

  async migrate(): Promise<void> {
    runSqliteMigrations(this.db, 'activity_schema_migrations', SQLITE_ACTIVITY_MIGRATIONS);
  }


  private stmts?: ReturnType<SqliteActivityStore['prepare']>;
  private prepare() {
    const upsert = <E>(t: TableSpec<E>) => {
      const cols = t.columns.map((c) => c.column);
      const set = cols.filter((c) => c !== t.key).map((c) => `${c} = excluded.${c}`);
      return this.db.prepare(`INSERT INTO ${t.name} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})
        ON CONFLICT (${t.key}) DO UPDATE SET ${set.join(', ')}`);
    };
    const insert = <E>(t: TableSpec<E>) => {
      const cols = t.columns.map((c) => c.column);
      return this.db.prepare(`INSERT INTO ${t.name} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
    };
    const byIds = (table: string) => this.db.prepare(`SELECT * FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`);
    const P = PARTICIPATIONS.name;
    return {
      lastSeq: this.db.prepare('SELECT COALESCE(MAX(seq), 0) FROM activity_changes').pluck(),
      teams: byIds(TEAMS.name),
      volunteers: byIds(VOLUNTEERS.name),
      activities: byIds(ACTIVITIES.name),
      orders: byIds(ORDERS.name),
      participationsById: byIds(P),
      openOfVolunteers: this.db.prepare(`SELECT * FROM ${P} WHERE check_out_at IS NULL AND volunteer_id IN (SELECT value FROM json_each(?))`),
      openOfActivities: this.db.prepare(`SELECT * FROM ${P} WHERE check_out_at IS NULL AND activity_id IN (SELECT value FROM json_each(?))`),
      pairs: this.db.prepare(`SELECT * FROM ${P} WHERE activity_id IN (SELECT value FROM json_each(?)) AND volunteer_id IN (SELECT value FROM json_each(?))`),
      change: insert(CHANGES),
      team: insert(TEAMS),
      volunteer: insert(VOLUNTEERS),
      activity: upsert(ACTIVITIES),
      participation: upsert(PARTICIPATIONS),
      order: upsert(ORDERS),
      stage: insert(ORDER_STAGES_TABLE),
    };
  }
  private get s() {
    return (this.stmts ??= this.prepare());
  }

  private load(batch: readonly ActivityCommand[]): ActivitySnapshot {
    const k = snapshotKeys(batch);
    const json = (ids: string[]) => JSON.stringify(ids);
    const read = <E extends { id: string }>(t: TableSpec<E>, rows: unknown[]) => new Map((rows as Row[]).map((r) => t.fromRow(r)).map((e) => [e.id, e]));
    const participations = new Map<string, Participation>();
    const addAll = (rows: unknown[]) => {
      for (const r of rows as Row[]) {
        const p = PARTICIPATIONS.fromRow(r);
        participations.set(p.id, p);
      }
    };
    if (k.participationIds.length) addAll(this.s.participationsById.all(json(k.participationIds)));
    if (k.volunteerIds.length) addAll(this.s.openOfVolunteers.all(json(k.volunteerIds)));
    if (k.activityIds.length) addAll(this.s.openOfActivities.all(json(k.activityIds)));
    if (k.activityIds.length && k.volunteerIds.length) addAll(this.s.pairs.all(json(k.activityIds), json(k.volunteerIds)));
    return {
      teams: k.teamIds.length ? read(TEAMS, this.s.teams.all(json(k.teamIds))) : new Map(),
      volunteers: k.volunteerIds.length ? read(VOLUNTEERS, this.s.volunteers.all(json(k.volunteerIds))) : new Map(),
      activities: k.activityIds.length ? read(ACTIVITIES, this.s.activities.all(json(k.activityIds))) : new Map(),
      orders: k.orderIds.length ? read(ORDERS, this.s.orders.all(json(k.orderIds))) : new Map(),
      participations,
    };
  }

  private write(w: BatchWrites, nowMs: number): void {
    const s = this.s;
    for (const c of w.changes) s.change.run(CHANGES.toRow({ seq: c.seq, at: new Date(nowMs).toISOString(), kind: c.kind, entityId: c.entityId }));
    for (const t of w.teams) s.team.run(TEAMS.toRow(t));
    for (const v of w.volunteers) s.volunteer.run(VOLUNTEERS.toRow(v));
    for (const a of w.activities) s.activity.run(ACTIVITIES.toRow(a));
    for (const p of w.participations) s.participation.run(PARTICIPATIONS.toRow(p));
    for (const o of w.orders) s.order.run(ORDERS.toRow(o));
    for (const st of w.orderStages) s.stage.run(ORDER_STAGES_TABLE.toRow(st));
  }

  async apply(batch: readonly ActivityCommand[]): Promise<ActivityOutcome[]> {
    if (batch.length === 0) return [];
    const now = Date.now();
    return this.db.transaction(() => {
      const lastSeq = this.s.lastSeq.get() as number;
      const { outcomes, writes } = planActivityBatch(batch, this.load(batch), lastSeq);
      this.write(writes, now);
      return outcomes;
    }).immediate();
  }

  async latestSeq(): Promise<number> {
    return this.s.lastSeq.get() as number;
  }

  async forEachEntity(visit: (e: StoredEntity) => void): Promise<{ records: number; seq: number }> {
    let records = 0;
    // One read transaction: the tables and the seq as of one moment.
    const seq = this.db.transaction(() => {
      for (const [t, wrap] of ENTITY_TABLES) {
        for (const r of this.db.prepare(`SELECT * FROM ${t.name} ORDER BY seq`).iterate() as IterableIterator<Row>) {
          visit(wrap(t.fromRow(r)));
          records++;
        }
      }
      return this.s.lastSeq.get() as number;
    })();
    return { records, seq };
  }

  async changedBetween(afterSeq: number, uptoSeq: number): Promise<StoredEntity[]> {
    const out: StoredEntity[] = [];
    for (const [t, wrap] of ENTITY_TABLES) {
      const col = t.columns.some((c) => c.column === 'updated_seq') ? 'updated_seq' : 'seq';
      for (const r of this.db.prepare(`SELECT * FROM ${t.name} WHERE ${col} > ? AND ${col} <= ? ORDER BY ${col}`).all(afterSeq, uptoSeq) as Row[]) out.push(wrap(t.fromRow(r)));
    }
    return out;
  }

  private one<E>(t: TableSpec<E>, id: string): E | null {
    const r = this.db.prepare(`SELECT * FROM ${t.name} WHERE id = ?`).get(id) as Row | undefined;
    return r ? t.fromRow(r) : null;
  }

  async getTeam(id: string): Promise<VolunteerTeam | null> {
    return this.one(TEAMS, id);
  }

  async getActivity(id: string): Promise<VolunteerActivity | null> {
    return this.one(ACTIVITIES, id);
  }

  async getOrder(id: string): Promise<ServiceOrder | null> {
    return this.one(ORDERS, id);
  }

  async volunteerRecord(id: string): Promise<VolunteerRecord | null> {
    const volunteer = this.one(VOLUNTEERS, id);
    if (!volunteer) return null;
    const t = this.db
      .prepare(`SELECT COUNT(*) AS sessions, COALESCE(SUM(credited_ms), 0) AS serviceMs, COALESCE(SUM(points), 0) AS points
        FROM volunteer_participations WHERE volunteer_id = ? AND check_out_at IS NOT NULL`)
      .get(id) as { sessions: number; serviceMs: number; points: number };
    const open = this.db.prepare('SELECT * FROM volunteer_participations WHERE volunteer_id = ? AND check_out_at IS NULL').get(id) as Row | undefined;
    return { volunteer, sessions: t.sessions, serviceMs: t.serviceMs, points: t.points, current: open ? PARTICIPATIONS.fromRow(open) : null };
  }

  async participationsOf(activityId: string): Promise<Participation[]> {
    return (this.db.prepare('SELECT * FROM volunteer_participations WHERE activity_id = ? ORDER BY seq').all(activityId) as Row[]).map(PARTICIPATIONS.fromRow);
  }

  async orderHistory(orderId: string): Promise<OrderStageChange[]> {
    return (this.db.prepare('SELECT * FROM service_order_stages WHERE order_id = ? ORDER BY seq').all(orderId) as Row[]).map(ORDER_STAGES_TABLE.fromRow);
  }

  private list<E>(t: TableSpec<E>, placeColumn: string, q: { placeIds: readonly string[] | null; beforeSeq?: number; limit: number }, f: Filters): E[] {
    if (q.placeIds !== null) inList(f, placeColumn, q.placeIds);
    if (q.beforeSeq !== undefined) (f.where.push('seq < ?'), f.args.push(q.beforeSeq));
    return (this.db.prepare(`SELECT * FROM ${t.name} ${whereOf(f)} ORDER BY seq DESC LIMIT ?`).all(...f.args, q.limit) as Row[]).map(t.fromRow);
  }

  async listTeams(q: Parameters<ActivityStore['listTeams']>[0]): Promise<VolunteerTeam[]> {
    return this.list(TEAMS, 'region_id', q, { where: [], args: [] });
  }

  async listActivities(q: Parameters<ActivityStore['listActivities']>[0]): Promise<VolunteerActivity[]> {
    const f: Filters = { where: [], args: [] };
    if (q.statuses?.length) inList(f, 'status', q.statuses);
    if (q.types?.length) inList(f, 'type', q.types);
    if (q.teamId !== undefined) (f.where.push('team_id = ?'), f.args.push(q.teamId));
    return this.list(ACTIVITIES, 'grid_id', q, f);
  }

  async listOrders(q: Parameters<ActivityStore['listOrders']>[0]): Promise<ServiceOrder[]> {
    const f: Filters = { where: [], args: [] };
    if (q.stages?.length) inList(f, 'stage', q.stages);
    if (q.categories?.length) inList(f, 'category', q.categories);
    return this.list(ORDERS, 'grid_id', q, f);
  }

  async changesSince(afterSeq: number, limit: number): Promise<ActivityChange[]> {
    const rows = this.db.prepare('SELECT * FROM activity_changes WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit) as Row[];
    return rows.map((r) => {
      const c = CHANGES.fromRow(r);
      return { seq: c.seq, kind: c.kind as ChangeKind, entityId: c.entityId, at: c.at };
    });
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
