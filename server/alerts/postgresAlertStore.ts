import type pg from 'pg';
import type { Alert, AlertState } from '../../shared/alerts/alert';
import type { AlertAction } from '../../shared/alerts/alertLifecycle';
import type { NewAlert } from '../../shared/alerts/alertRules';
import type { AlertActOutcome, AlertQuery, AlertStore } from './alertStore';
import { actOnAlert } from './actOnAlert';
import { runPostgresMigrations } from '../store/postgres/runPostgresMigrations';
import type { Migration } from '../store/sqlite/runSqliteMigrations';

const MIGRATIONS: Migration[] = [
  { version: 1, sql: `CREATE SEQUENCE alert_seq;
   CREATE TABLE alerts (
     id text PRIMARY KEY, seq int8 NOT NULL UNIQUE, kind text NOT NULL, event_id text, region_id text NOT NULL,
     severity text NOT NULL, title text NOT NULL, detail jsonb NOT NULL, raised_at timestamptz NOT NULL, state text NOT NULL,
     ack_by text, ack_at timestamptz, handled_by text, handled_at timestamptz);
   CREATE INDEX alerts_open ON alerts (seq) WHERE state <> 'handled';` },
];

interface Row {
  id: string; seq: string | number; kind: string; event_id: string | null; region_id: string; severity: string; title: string;
  detail: Alert['detail']; raised_at: Date; state: string; ack_by: string | null; ack_at: Date | null; handled_by: string | null; handled_at: Date | null;
}
const iso = (d: Date | null) => (d === null ? null : d.toISOString());
const toAlert = (r: Row): Alert => ({
  id: r.id, seq: Number(r.seq), kind: r.kind as Alert['kind'], eventId: r.event_id, regionId: r.region_id, severity: r.severity as Alert['severity'],
  title: r.title, detail: r.detail, raisedAt: iso(r.raised_at)!, state: r.state as AlertState,
  acknowledgedBy: r.ack_by, acknowledgedAt: iso(r.ack_at), handledBy: r.handled_by, handledAt: iso(r.handled_at),
});

/** Alerts in PostgreSQL, on the event store's pool (it owns and ends it). */
export class PostgresAlertStore implements AlertStore {
  constructor(private readonly pool: pg.Pool) {}

  async migrate(): Promise<void> {
    await runPostgresMigrations(this.pool, 'alert_schema_migrations', MIGRATIONS);
  }

  async raise(a: NewAlert): Promise<{ created: boolean; alert: Alert }> {
    const ins = await this.pool.query<Row>(
      `INSERT INTO alerts (id, seq, kind, event_id, region_id, severity, title, detail, raised_at, state)
       VALUES ($1, nextval('alert_seq'), $2, $3, $4, $5, $6, $7, to_timestamp($8 / 1000.0), 'new')
       ON CONFLICT (id) DO NOTHING RETURNING *`,
      [a.id, a.kind, a.eventId, a.regionId, a.severity, a.title, JSON.stringify(a.detail), a.raisedAtMs],
    );
    if (ins.rows[0]) return { created: true, alert: toAlert(ins.rows[0]) };
    return { created: false, alert: (await this.get(a.id))! };
  }

  async act(id: string, action: AlertAction, actor: string, atMs: number, expectedState?: AlertState): Promise<AlertActOutcome> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const found = await c.query<Row>('SELECT * FROM alerts WHERE id = $1 FOR UPDATE', [id]);
      if (!found.rows[0]) {
        await c.query('ROLLBACK');
        return { type: 'not_found' };
      }
      const out = actOnAlert(toAlert(found.rows[0]), action, actor, atMs, expectedState);
      if (out.type !== 'changed') {
        await c.query('ROLLBACK');
        return out;
      }
      const a = out.alert;
      const upd = await c.query<Row>(
        `UPDATE alerts SET seq = nextval('alert_seq'), state = $2, ack_by = $3, ack_at = $4, handled_by = $5, handled_at = $6
         WHERE id = $1 RETURNING *`,
        [a.id, a.state, a.acknowledgedBy, a.acknowledgedAt, a.handledBy, a.handledAt],
      );
      await c.query('COMMIT');
      return { type: 'changed', alert: toAlert(upd.rows[0]) };
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }

  async openAlerts(): Promise<Alert[]> {
    return (await this.pool.query<Row>(`SELECT * FROM alerts WHERE state <> 'handled' ORDER BY seq DESC`)).rows.map(toAlert);
  }

  async get(id: string): Promise<Alert | null> {
    const r = await this.pool.query<Row>('SELECT * FROM alerts WHERE id = $1', [id]);
    return r.rows[0] ? toAlert(r.rows[0]) : null;
  }

  async list(q: AlertQuery): Promise<Alert[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    const arg = (v: unknown) => (args.push(v), `$${args.length}`);
    if (q.states?.length) where.push(`state = ANY(${arg(q.states)}::text[])`);
    if (q.regionIds !== null) where.push(`region_id = ANY(${arg(q.regionIds)}::text[])`);
    if (q.beforeSeq !== undefined) where.push(`seq < ${arg(q.beforeSeq)}`);
    const sql = `SELECT * FROM alerts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ${arg(q.limit)}`;
    return (await this.pool.query<Row>(sql, args)).rows.map(toAlert);
  }
}
