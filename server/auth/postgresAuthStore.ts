import type pg from 'pg';
import { randomBytes } from 'node:crypto';
import type { Role } from '../../shared/auth/roles';
import type { AuditEntry, AuditQuery, AuthStore, TokenRecord, UserRecord } from './authStore';
import { runPostgresMigrations } from '../store/postgres/runPostgresMigrations';
import type { Migration } from '../store/sqlite/runSqliteMigrations';

const MIGRATIONS: Migration[] = [
  { version: 1, sql: `CREATE TABLE users (username text PRIMARY KEY, display_name text NOT NULL, role text NOT NULL, scope_region_id text,
     password_hash text NOT NULL, disabled boolean NOT NULL DEFAULT false, created_at timestamptz NOT NULL DEFAULT now());
   CREATE TABLE api_tokens (id text PRIMARY KEY, name text NOT NULL, role text NOT NULL, scope_region_id text,
     hash text NOT NULL UNIQUE, created_at timestamptz NOT NULL DEFAULT now(), revoked_at timestamptz);
   CREATE TABLE auth_settings (key text PRIMARY KEY, value text NOT NULL);
   CREATE TABLE audit_log (seq bigserial PRIMARY KEY, at timestamptz NOT NULL, actor text NOT NULL, actor_role text NOT NULL,
     action text NOT NULL, target text NOT NULL, detail jsonb NOT NULL, ip text NOT NULL);
   CREATE INDEX audit_actor ON audit_log (actor, seq);
   CREATE INDEX audit_at ON audit_log (at);` },
];

interface UserRow { username: string; display_name: string; role: string; scope_region_id: string | null; password_hash: string; disabled: boolean; created_at: Date }
interface TokenRow { id: string; name: string; role: string; scope_region_id: string | null; hash: string; created_at: Date; revoked_at: Date | null }
interface AuditRow { seq: string | number; at: Date; actor: string; actor_role: string; action: string; target: string; detail: Record<string, unknown>; ip: string }

const toUser = (r: UserRow): UserRecord => ({
  username: r.username, displayName: r.display_name, role: r.role as Role, scopeRegionId: r.scope_region_id,
  passwordHash: r.password_hash, disabled: r.disabled, createdAt: r.created_at.toISOString(),
});
const toToken = (r: TokenRow): TokenRecord => ({
  id: r.id, name: r.name, role: r.role as Role, scopeRegionId: r.scope_region_id, hash: r.hash,
  createdAt: r.created_at.toISOString(), revokedAt: r.revoked_at?.toISOString() ?? null,
});
const toAudit = (r: AuditRow): AuditEntry => ({
  seq: Number(r.seq), at: r.at.toISOString(), actor: r.actor, actorRole: r.actor_role as Role, action: r.action, target: r.target, detail: r.detail, ip: r.ip,
});

/** People, tokens and the audit log in PostgreSQL, on the event store's pool. */
export class PostgresAuthStore implements AuthStore {
  constructor(private readonly pool: pg.Pool) {}

  async migrate(): Promise<void> {
    await runPostgresMigrations(this.pool, 'auth_schema_migrations', MIGRATIONS);
  }

  async addUser(u: Omit<UserRecord, 'createdAt'>): Promise<'created' | 'exists'> {
    const r = await this.pool.query(
      `INSERT INTO users (username, display_name, role, scope_region_id, password_hash, disabled) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (username) DO NOTHING`,
      [u.username, u.displayName, u.role, u.scopeRegionId, u.passwordHash, u.disabled],
    );
    return r.rowCount === 1 ? 'created' : 'exists';
  }

  async getUser(username: string): Promise<UserRecord | null> {
    const r = await this.pool.query<UserRow>('SELECT * FROM users WHERE username = $1', [username]);
    return r.rows[0] ? toUser(r.rows[0]) : null;
  }

  async listUsers(): Promise<UserRecord[]> {
    return (await this.pool.query<UserRow>('SELECT * FROM users ORDER BY username')).rows.map(toUser);
  }

  async updateUser(username: string, patch: Partial<Pick<UserRecord, 'passwordHash' | 'disabled' | 'role' | 'scopeRegionId' | 'displayName'>>): Promise<boolean> {
    const sets: string[] = [];
    const args: unknown[] = [username];
    const set = (col: string, v: unknown) => (args.push(v), sets.push(`${col} = $${args.length}`));
    if (patch.passwordHash !== undefined) set('password_hash', patch.passwordHash);
    if (patch.disabled !== undefined) set('disabled', patch.disabled);
    if (patch.role !== undefined) set('role', patch.role);
    if (patch.scopeRegionId !== undefined) set('scope_region_id', patch.scopeRegionId);
    if (patch.displayName !== undefined) set('display_name', patch.displayName);
    if (sets.length === 0) return (await this.getUser(username)) !== null;
    return (await this.pool.query(`UPDATE users SET ${sets.join(', ')} WHERE username = $1`, args)).rowCount === 1;
  }

  async addToken(t: Omit<TokenRecord, 'createdAt' | 'revokedAt'>): Promise<void> {
    await this.pool.query('INSERT INTO api_tokens (id, name, role, scope_region_id, hash) VALUES ($1, $2, $3, $4, $5)', [t.id, t.name, t.role, t.scopeRegionId, t.hash]);
  }

  async findToken(hash: string): Promise<TokenRecord | null> {
    const r = await this.pool.query<TokenRow>('SELECT * FROM api_tokens WHERE hash = $1', [hash]);
    return r.rows[0] ? toToken(r.rows[0]) : null;
  }

  async listTokens(): Promise<TokenRecord[]> {
    return (await this.pool.query<TokenRow>('SELECT * FROM api_tokens ORDER BY created_at')).rows.map(toToken);
  }

  async revokeToken(id: string): Promise<boolean> {
    return (await this.pool.query('UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [id])).rowCount === 1;
  }

  async sessionSecret(): Promise<Uint8Array> {
    await this.pool.query(`INSERT INTO auth_settings (key, value) VALUES ('session_secret', $1) ON CONFLICT (key) DO NOTHING`, [randomBytes(32).toString('base64')]);
    const r = await this.pool.query<{ value: string }>(`SELECT value FROM auth_settings WHERE key = 'session_secret'`);
    return Buffer.from(r.rows[0].value, 'base64');
  }

  async audit(e: Omit<AuditEntry, 'seq' | 'at'> & { atMs: number }): Promise<AuditEntry> {
    const r = await this.pool.query<AuditRow>(
      `INSERT INTO audit_log (at, actor, actor_role, action, target, detail, ip) VALUES (to_timestamp($1 / 1000.0), $2, $3, $4, $5, $6, $7) RETURNING *`,
      [e.atMs, e.actor, e.actorRole, e.action, e.target, JSON.stringify(e.detail), e.ip],
    );
    return toAudit(r.rows[0]);
  }

  async queryAudit(q: AuditQuery): Promise<AuditEntry[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    const arg = (v: unknown) => (args.push(v), `$${args.length}`);
    if (q.actor !== undefined) where.push(`actor = ${arg(q.actor)}`);
    if (q.action !== undefined) where.push(`action = ${arg(q.action)}`);
    if (q.fromMs !== undefined) where.push(`at >= to_timestamp(${arg(q.fromMs)} / 1000.0)`);
    if (q.toMs !== undefined) where.push(`at < to_timestamp(${arg(q.toMs)} / 1000.0)`);
    if (q.beforeSeq !== undefined) where.push(`seq < ${arg(q.beforeSeq)}`);
    const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ${arg(q.limit)}`;
    return (await this.pool.query<AuditRow>(sql, args)).rows.map(toAudit);
  }
}
