import { afterEach, describe, expect, it } from 'vitest';
import type { AuthStore } from './authStore';
import { SqliteAuthStore } from './sqliteAuthStore';
import { PostgresAuthStore } from './postgresAuthStore';
import { SqliteEventStore } from '../store/sqlite/sqliteEventStore';
import { createTestSchema } from '../store/postgres/testSchema';

function contract(name: string, open: () => Promise<{ store: AuthStore; cleanup(): Promise<void> }>) {
  describe(`AuthStore contract: ${name}`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const c of cleanups.splice(0)) await c();
    });
    const fresh = async () => {
      const h = await open();
      cleanups.push(h.cleanup);
      await h.store.migrate();
      await h.store.migrate();
      return h.store;
    };
    const user = { username: 'wang', displayName: '王值班', role: 'officer' as const, scopeRegionId: '150602001', passwordHash: 'scrypt$x', disabled: false };

    it('adds a user once, reads and updates it', async () => {
      const s = await fresh();
      expect(await s.addUser(user)).toBe('created');
      expect(await s.addUser({ ...user, displayName: 'other' })).toBe('exists');
      expect(await s.getUser('wang')).toMatchObject({ ...user });
      expect(await s.updateUser('wang', { disabled: true, scopeRegionId: null })).toBe(true);
      expect(await s.getUser('wang')).toMatchObject({ disabled: true, scopeRegionId: null, displayName: '王值班' });
      expect(await s.updateUser('nobody', { disabled: true })).toBe(false);
      expect((await s.listUsers()).map((u) => u.username)).toEqual(['wang']);
    });

    it('finds a token by its hash until it is revoked', async () => {
      const s = await fresh();
      await s.addToken({ id: 't1', name: '大厅主屏', role: 'viewer', scopeRegionId: null, hash: 'h1' });
      expect(await s.findToken('h1')).toMatchObject({ id: 't1', role: 'viewer', revokedAt: null });
      expect(await s.revokeToken('t1')).toBe(true);
      expect(await s.revokeToken('t1')).toBe(false);
      expect((await s.findToken('h1'))?.revokedAt).not.toBeNull();
      expect(await s.findToken('nope')).toBeNull();
    });

    it('keeps one session secret for everyone', async () => {
      const s = await fresh();
      const a = await s.sessionSecret();
      expect(a.length).toBe(32);
      expect(Buffer.from(await s.sessionSecret()).equals(Buffer.from(a))).toBe(true);
    });

    it('appends audit entries and finds them by actor, action and time, newest first', async () => {
      const s = await fresh();
      const t = Date.parse('2026-11-25T02:00:00Z');
      await s.audit({ atMs: t, actor: 'wang', actorRole: 'officer', action: 'event.transition', target: 'e1', detail: { action: 'accept' }, ip: '10.0.0.5' });
      await s.audit({ atMs: t + 1000, actor: 'li', actorRole: 'leader', action: 'wall.push', target: 'wall', detail: {}, ip: '10.0.0.6' });
      const e = await s.audit({ atMs: t + 2000, actor: 'wang', actorRole: 'officer', action: 'alert.handle', target: 'a1', detail: {}, ip: '10.0.0.5' });
      expect(e).toMatchObject({ at: new Date(t + 2000).toISOString(), actor: 'wang', ip: '10.0.0.5' });
      expect((await s.queryAudit({ actor: 'wang', limit: 10 })).map((x) => x.action)).toEqual(['alert.handle', 'event.transition']);
      expect((await s.queryAudit({ action: 'wall.push', limit: 10 })).map((x) => x.actor)).toEqual(['li']);
      expect((await s.queryAudit({ fromMs: t + 500, toMs: t + 1500, limit: 10 })).map((x) => x.actor)).toEqual(['li']);
      expect((await s.queryAudit({ limit: 10 }))[2].detail).toEqual({ action: 'accept' });
    });
  });
}

contract('sqlite (embedded)', async () => {
  const events = new SqliteEventStore(':memory:');
  return { store: new SqliteAuthStore(events.db), cleanup: () => events.close() };
});
const url = process.env.DATABASE_URL;
if (url)
  contract('postgres', async () => {
    const schema = await createTestSchema(url, 'gp_auth');
    const events = schema.open();
    return { store: new PostgresAuthStore(events.pool), cleanup: async () => (await events.close(), await schema.drop()) };
  });
else describe.skip('AuthStore contract: postgres (skipped: DATABASE_URL not set)', () => undefined);
