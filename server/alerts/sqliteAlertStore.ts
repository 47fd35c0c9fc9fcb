import type Database from 'better-sqlite3';
import type { Alert, AlertState } from '../../shared/alerts/alert';
import type { AlertAction } from '../../shared/alerts/alertLifecycle';
import type { NewAlert } from '../../shared/alerts/alertRules';
import type { AlertActOutcome, AlertQuery, AlertStore } from './alertStore';
import { actOnAlert } from './actOnAlert';
import { runSqliteMigrations, type Migration } from '../store/sqlite/runSqliteMigrations';

const MIGRATIONS: Migration[] = [
  { version: 1, sql: `CREATE TABLE alerts (
     id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, kind TEXT NOT NULL, event_id TEXT, region_id TEXT NOT NULL,
     severity TEXT NOT NULL, title TEXT NOT NULL, detail TEXT NOT NULL, raised_at INTEGER NOT NULL, state TEXT NOT NULL,
     ack_by TEXT, ack_at INTEGER, handled_by TEXT, handled_at INTEGER);
   CREATE INDEX alerts_open ON alerts (seq) WHERE state <> 'handled';` },
];

interface Row {
  id: string; seq: number; kind: string; event_id: string | null; region_id: string; severity: string; title: string; detail: string;
  raised_at: number; state: string; ack_by: string | null; ack_at: number | null; handled_by: string | null; handled_at: number | null;
}
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const ms = (s: string | null) => (s === null ? null : Date.parse(s));
const toAlert = (r: Row): Alert => ({
  id: r.id, seq: r.seq, kind: r.kind as Alert['kind'], eventId: r.event_id, regionId: r.region_id, severity: r.severity as Alert['severity'],
  title: r.title, detail: JSON.parse(r.detail), raisedAt: iso(r.raised_at)!, state: r.state as AlertState,
  acknowledgedBy: r.ack_by, acknowledgedAt: iso(r.ack_at), handledBy: r.handled_by, handledAt: iso(r.handled_at),
});

/** Alerts in the embedded SQLite file, on the event store's connection (it owns and closes it). */
export class SqliteAlertStore implements AlertStore {
  constructor(private readonly db: Database.Database) {}

  async migrate(): Promise<void> {
    runSqliteMigrations(this.db, 'alert_schema_migrations', MIGRATIONS);
  }

  private nextSeq(): number {
    return ((this.db.prepare('SELECT COALESCE(MAX(seq), 0) FROM alerts').pluck().get() as number) ?? 0) + 1;
  }

  async raise(a: NewAlert): Promise<{ created: boolean; alert: Alert }> {
    return this.db.transaction(() => {
      const found = this.db.prepare('SELECT * FROM alerts WHERE id = ?').get(a.id) as Row | undefined;
      if (found) return { created: false, alert: toAlert(found) };
      this.db
        .prepare(`INSERT INTO alerts (id, seq, kind, event_id, region_id, severity, title, detail, raised_at, state)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'new')`)
        .run(a.id, this.nextSeq(), a.kind, a.eventId, a.regionId, a.severity, a.title, JSON.stringify(a.detail), a.raisedAtMs);
      return { created: true, alert: toAlert(this.db.prepare('SELECT * FROM alerts WHERE id = ?').get(a.id) as Row) };
    })();
  }

  async act(id: string, action: AlertAction, actor: string, atMs: number, expectedState?: AlertState): Promise<AlertActOutcome> {
    return this.db.transaction((): AlertActOutcome => {
      const found = this.db.prepare('SELECT * FROM alerts WHERE id = ?').get(id) as Row | undefined;
      if (!found) return { type: 'not_found' };
      const out = actOnAlert(toAlert(found), action, actor, atMs, expectedState);
      if (out.type !== 'changed') return out;
      const a = { ...out.alert, seq: this.nextSeq() };
      this.db
        .prepare('UPDATE alerts SET seq = ?, state = ?, ack_by = ?, ack_at = ?, handled_by = ?, handled_at = ? WHERE id = ?')
        .run(a.seq, a.state, a.acknowledgedBy, ms(a.acknowledgedAt), a.handledBy, ms(a.handledAt), a.id);
      return { type: 'changed', alert: a };
    })();
  }

  async openAlerts(): Promise<Alert[]> {
    return (this.db.prepare(`SELECT * FROM alerts WHERE state <> 'handled' ORDER BY seq DESC`).all() as Row[]).map(toAlert);
  }

  async get(id: string): Promise<Alert | null> {
    const r = this.db.prepare('SELECT * FROM alerts WHERE id = ?').get(id) as Row | undefined;
    return r ? toAlert(r) : null;
  }

  async list(q: AlertQuery): Promise<Alert[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.states?.length) (where.push('state IN (SELECT value FROM json_each(?))'), args.push(JSON.stringify(q.states)));
    if (q.regionIds !== null) (where.push('region_id IN (SELECT value FROM json_each(?))'), args.push(JSON.stringify(q.regionIds)));
    if (q.beforeSeq !== undefined) (where.push('seq < ?'), args.push(q.beforeSeq));
    const sql = `SELECT * FROM alerts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...args, q.limit) as Row[]).map(toAlert);
  }
}
