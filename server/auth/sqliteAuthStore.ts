import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import type { Role } from '../../shared/auth/roles';
import type { AuditEntry, AuditQuery, AuthStore, TokenRecord, UserRecord } from './authStore';
import { runSqliteMigrations, type Migration } from '../store/sqlite/runSqliteMigrations';

const MIGRATIONS: Migration[] = [
  { version: 1, sql: `CREATE TABLE users (username TEXT PRIMARY KEY, display_name TEXT NOT NULL, role TEXT NOT NULL, scope_region_id TEXT,
     password_hash TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL);
   CREATE TABLE api_tokens (id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, scope_region_id TEXT,
     hash TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL, revoked_at INTEGER);
   CREATE TABLE auth_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE audit_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, actor TEXT NOT NULL, actor_role TEXT NOT NULL,
     action TEXT NOT NULL, target TEXT NOT NULL, detail TEXT NOT NULL, ip TEXT NOT NULL);
   CREATE INDEX audit_actor ON audit_log (actor, seq);
   CREATE INDEX audit_at ON audit_log (at);` },
];

interface UserRow { username: string; display_name: string; role: string; scope_region_id: string | null; password_hash: string; disabled: number; created_at: number }
interface TokenRow { id: string; name: string; role: string; scope_region_id: string | null; hash: string; created_at: number; revoked_at: number | null }
interface AuditRow { seq: number; at: number; actor: string; actor_role: string; action: string; target: string; detail: string; ip: string }

const iso = (ms: number) => new Date(ms).toISOString();
const toUser = (r: UserRow): UserRecord => ({
  username: r.username, displayName: r.display_name, role: r.role as Role, scopeRegionId: r.scope_region_id,
  passwordHash: r.password_hash, disabled: r.disabled === 1, createdAt: iso(r.created_at),
});
const toToken = (r: TokenRow): TokenRecord => ({
  id: r.id, name: r.name, role: r.role as Role, scopeRegionId: r.scope_region_id, hash: r.hash,
  createdAt: iso(r.created_at), revokedAt: r.revoked_at === null ? null : iso(r.revoked_at),
});
const toAudit = (r: AuditRow): AuditEntry => ({
  seq: r.seq, at: iso(r.at), actor: r.actor, actorRole: r.actor_role as Role, action: r.action, target: r.target, detail: JSON.parse(r.detail), ip: r.ip,
});

/** People, tokens and the audit log in the embedded SQLite file, on the event store's connection. */
export class SqliteAuthStore implements AuthStore {
  constructor(private readonly db: Database.Database) {}

  async migrate(): Promise<void> {
    runSqliteMigrations(this.db, 'auth_schema_migrations', MIGRATIONS);
  }

  async addUser(u: Omit<UserRecord, 'createdAt'>): Promise<'created' | 'exists'> {
    const r = this.db
      .prepare(`INSERT INTO users (username, display_name, role, scope_region_id, password_hash, disabled, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING`)
      .run(u.username, u.displayName, u.role, u.scopeRegionId, u.passwordHash, u.disabled ? 1 : 0, Date.now());
    return r.changes === 1 ? 'created' : 'exists';
  }

  async getUser(username: string): Promise<UserRecord | null> {
    const r = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
    return r ? toUser(r) : null;
  }

  async listUsers(): Promise<UserRecord[]> {
    return (this.db.prepare('SELECT * FROM users ORDER BY username').all() as UserRow[]).map(toUser);
  }

  async updateUser(username: string, patch: Partial<Pick<UserRecord, 'passwordHash' | 'disabled' | 'role' | 'scopeRegionId' | 'displayName'>>): Promise<boolean> {
    const cols: Record<string, unknown> = {};
    if (patch.passwordHash !== undefined) cols.password_hash = patch.passwordHash;
    if (patch.disabled !== undefined) cols.disabled = patch.disabled ? 1 : 0;
    if (patch.role !== undefined) cols.role = patch.role;
    if (patch.scopeRegionId !== undefined) cols.scope_region_id = patch.scopeRegionId;
    if (patch.displayName !== undefined) cols.display_name = patch.displayName;
    const keys = Object.keys(cols);
    if (keys.length === 0) return (await this.getUser(username)) !== null;
    const r = this.db.prepare(`UPDATE users SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE username = @username`).run({ ...cols, username });
    return r.changes === 1;
  }

  async addToken(t: Omit<TokenRecord, 'createdAt' | 'revokedAt'>): Promise<void> {
    this.db
      .prepare('INSERT INTO api_tokens (id, name, role, scope_region_id, hash, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(t.id, t.name, t.role, t.scopeRegionId, t.hash, Date.now());
  }

  async findToken(hash: string): Promise<TokenRecord | null> {
    const r = this.db.prepare('SELECT * FROM api_tokens WHERE hash = ?').get(hash) as TokenRow | undefined;
    return r ? toToken(r) : null;
  }

  async listTokens(): Promise<TokenRecord[]> {
    return (this.db.prepare('SELECT * FROM api_tokens ORDER BY created_at').all() as TokenRow[]).map(toToken);
  }

  async revokeToken(id: string): Promise<boolean> {
    return this.db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(Date.now(), id).changes === 1;
  }

  async sessionSecret(): Promise<Uint8Array> {
    this.db.prepare(`INSERT INTO auth_settings (key, value) VALUES ('session_secret', ?) ON CONFLICT (key) DO NOTHING`).run(randomBytes(32).toString('base64'));
    return Buffer.from(this.db.prepare(`SELECT value FROM auth_settings WHERE key = 'session_secret'`).pluck().get() as string, 'base64');
  }

  async audit(e: Omit<AuditEntry, 'seq' | 'at'> & { atMs: number }): Promise<AuditEntry> {
    const r = this.db
      .prepare('INSERT INTO audit_log (at, actor, actor_role, action, target, detail, ip) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(e.atMs, e.actor, e.actorRole, e.action, e.target, JSON.stringify(e.detail), e.ip);
    return toAudit(this.db.prepare('SELECT * FROM audit_log WHERE seq = ?').get(r.lastInsertRowid) as AuditRow);
  }

  async queryAudit(q: AuditQuery): Promise<AuditEntry[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.actor !== undefined) (where.push('actor = ?'), args.push(q.actor));
    if (q.action !== undefined) (where.push('action = ?'), args.push(q.action));
    if (q.fromMs !== undefined) (where.push('at >= ?'), args.push(q.fromMs));
    if (q.toMs !== undefined) (where.push('at < ?'), args.push(q.toMs));
    if (q.beforeSeq !== undefined) (where.push('seq < ?'), args.push(q.beforeSeq));
    const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...args, q.limit) as AuditRow[]).map(toAudit);
  }
}
