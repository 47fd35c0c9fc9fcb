import { beforeEach, describe, expect, it } from 'vitest';
import { Authenticator } from './authenticator';
import { SqliteAuthStore } from './sqliteAuthStore';
import { SqliteEventStore } from '../store/sqlite/sqliteEventStore';
import { hashPassword } from './passwords';
import { newApiToken } from './apiTokens';

describe('Authenticator', () => {
  let now = Date.parse('2026-11-25T02:00:00Z');
  let store: SqliteAuthStore;
  let auth: Authenticator;
  beforeEach(async () => {
    now = Date.parse('2026-11-25T02:00:00Z');
    store = new SqliteAuthStore(new SqliteEventStore(':memory:').db);
    await store.migrate();
    await store.addUser({ username: 'wang', displayName: '王值班', role: 'officer', scopeRegionId: '150602001', passwordHash: await hashPassword('right'), disabled: false });
    auth = new Authenticator(store, () => now, { sessionTtlSec: 3600, cacheMs: 0 });
    await auth.init();
  });

  it('logs in with the right password and the session names the person, role and scope', async () => {
    const r = await auth.login('wang', 'right', '10.0.0.1');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(await auth.authenticate(r.token)).toEqual({ kind: 'user', id: 'wang', name: '王值班', role: 'officer', scopeRegionId: '150602001' });
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    expect(await auth.login('wang', 'wrong', '10.0.0.1')).toEqual({ ok: false, reason: 'invalid' });
    expect(await auth.login('nobody', 'right', '10.0.0.1')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('throttles a username after 5 failures, even with the right password', async () => {
    for (let i = 0; i < 5; i++) await auth.login('wang', 'wrong', `10.0.0.${i}`);
    expect(await auth.login('wang', 'right', '10.0.0.9')).toMatchObject({ ok: false, reason: 'throttled' });
  });

  it('throttles an address only after 30 failures (a command centre shares one behind NAT)', async () => {
    for (let i = 0; i < 29; i++) await auth.login(`guess${i}`, 'x', '10.9.9.9');
    expect((await auth.login('wang', 'right', '10.9.9.9')).ok).toBe(true);
    await auth.login('guess-last', 'x', '10.9.9.9');
    expect(await auth.login('wang', 'right', '10.9.9.9')).toMatchObject({ ok: false, reason: 'throttled' });
  }, 20_000);

  it('ends a session at its expiry: valid just before, refused just after', async () => {
    const r = await auth.login('wang', 'right', 'x');
    if (!r.ok) throw new Error('login failed');
    now += 3600_000 - 1000;
    expect(await auth.authenticate(r.token)).not.toBeNull();
    now += 2000;
    expect(await auth.authenticate(r.token)).toBeNull();
  });

  it('refuses a tampered session, a disabled user and a revoked token', async () => {
    const r = await auth.login('wang', 'right', 'x');
    if (!r.ok) throw new Error('login failed');
    expect(await auth.authenticate(r.token.slice(0, -2) + 'xx')).toBeNull();
    await store.updateUser('wang', { disabled: true });
    expect(await auth.authenticate(r.token)).toBeNull();
    expect(await auth.login('wang', 'right', 'x')).toEqual({ ok: false, reason: 'invalid' });

    const { token, hash } = newApiToken();
    await store.addToken({ id: 't1', name: '大厅主屏', role: 'viewer', scopeRegionId: null, hash });
    expect(await auth.authenticate(token)).toEqual({ kind: 'screen', id: 't1', name: '大厅主屏', role: 'viewer', scopeRegionId: null });
    await store.revokeToken('t1');
    expect(await auth.authenticate(token)).toBeNull();
    expect(await auth.authenticate('gp_made_up')).toBeNull();
    expect(await auth.authenticate(undefined)).toBeNull();
  });

  it('accepts its own internal tokens without storing them', async () => {
    const t = auth.issueInternal({ kind: 'client', id: 'simulator', name: '模拟器', role: 'ingest', scopeRegionId: null });
    expect((await auth.authenticate(t))?.name).toBe('模拟器');
    expect(await store.listTokens()).toEqual([]);
  });
});
