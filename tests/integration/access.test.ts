import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { startServerProcess, REPO_ROOT, type ServerProcess } from '../support/serverProcess';
import { connectScreen } from '../support/screenClient';
import { demoGrids, type DemoGrid } from '../support/demoPoints';
import { ApiPath, SocketEvent, type WallAck } from '../../shared/protocol/socketProtocol';
import { PERMISSIONS, type Permission, type Role } from '../../shared/auth/roles';

type Who = Role | 'anonymous';
let server: ServerProcess;
let grids: DemoGrid[];
const creds: Record<Who, string | null> = { anonymous: null, viewer: null, ingest: null, leader: null, officer: null, admin: null };

/** Runs the users command against the server's store, as an administrator on the host would. */
function users(args: string[], stdin?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/users.ts', ...args], { cwd: REPO_ROOT, env: { ...process.env, DATA_DIR: server.dataDir, DATABASE_URL: '' }, input: stdin, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`users ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}
async function login(username: string, password: string) {
  return fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
}
function call(as: Who, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (creds[as]) headers.authorization = `Bearer ${creds[as]}`;
  return fetch(server.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
const report = (as: Who, clientId: string, g: DemoGrid, extra: object = {}) =>
  call(as, 'POST', ApiPath.events, { clientId, category: 'dispute', severity: 'critical', source: 'hotline', location: { lon: g.lon, lat: g.lat }, ...extra });

beforeAll(async () => {
  server = await startServerProcess();
  grids = demoGrids();
  creds.viewer = server.creds.wallToken;
  creds.ingest = server.creds.ingestToken;
  for (const r of ['leader', 'officer', 'admin'] as const) creds[r] = await server.login(r);
  expect((await report('admin', 'acc-1', grids[0])).status).toBe(201);
});
afterAll(async () => server?.dispose());

describe('every REST route checks the role', () => {
  const routes: { permission: Permission; method: string; path: () => string; body?: unknown }[] = [
    { permission: 'events.report', method: 'POST', path: () => ApiPath.events, body: { clientId: `x-${Math.random()}`, category: 'dispute', source: 'hotline', location: { lon: 0, lat: 0 } } },
    { permission: 'events.read', method: 'GET', path: () => ApiPath.events },
    { permission: 'events.read', method: 'GET', path: () => `${ApiPath.events}/acc-1` },
    { permission: 'events.act', method: 'POST', path: () => `${ApiPath.events}/acc-1/transitions`, body: { action: 'close' } },
    { permission: 'alerts.read', method: 'GET', path: () => ApiPath.alerts },
    { permission: 'alerts.act', method: 'POST', path: () => `${ApiPath.alerts}/nope/actions`, body: { action: 'handle' } },
    { permission: 'stream.watch', method: 'GET', path: () => `${ApiPath.regions}/150602` },
    { permission: 'stream.watch', method: 'GET', path: () => ApiPath.geography },
    { permission: 'stream.watch', method: 'GET', path: () => '/api/regions/150602/activities' },
    { permission: 'events.report', method: 'POST', path: () => '/api/service-orders', body: {} },
    { permission: 'events.read', method: 'GET', path: () => '/api/service-orders' },
    { permission: 'wall.drive', method: 'GET', path: () => ApiPath.walls },
    { permission: 'audit.read', method: 'GET', path: () => ApiPath.audit },
  ];
  for (const route of routes)
    for (const who of ['anonymous', 'viewer', 'ingest', 'leader', 'officer', 'admin'] as Who[]) {
      const allowed = who !== 'anonymous' && (PERMISSIONS[route.permission] as readonly Role[]).includes(who);
      it(`${route.method} ${route.path()} as ${who}: ${allowed ? 'allowed' : who === 'anonymous' ? '401' : '403'}`, async () => {
        const res = await call(who, route.method, route.path(), route.body);
        if (allowed) expect([401, 403]).not.toContain(res.status);
        else expect(res.status).toBe(who === 'anonymous' ? 401 : 403);
      });
    }
  it('leaves the public ones open: health, OpenAPI, log-in', async () => {
    expect((await call('anonymous', 'GET', ApiPath.health)).status).toBe(200);
    expect((await call('anonymous', 'GET', ApiPath.openApi)).status).toBe(200);
  });
});

describe('log-in', () => {
  it('answers a wrong password and an unknown user alike, and a bad body with 400', async () => {
    const wrong = await login('demo-officer', 'not-the-password');
    const unknown = await login('nobody', 'whatever-password');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect((await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":1}' })).status).toBe(400);
  });

  it('throttles a username after 5 failures, with Retry-After', async () => {
    users(['add', 'guesser', '--role', 'officer', '--password-stdin'], 'right-password-1');
    for (let i = 0; i < 5; i++) expect((await login('guesser', 'wrong')).status).toBe(401);
    const blocked = await login('guesser', 'right-password-1');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('stops a disabled person at once, even with a session from before', async () => {
    users(['add', 'leaver', '--role', 'officer', '--password-stdin'], 'leaver-password');
    const token = ((await (await login('leaver', 'leaver-password')).json()) as { token: string }).token;
    expect((await fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    users(['disable', 'leaver']);
    expect((await login('leaver', 'leaver-password')).status).toBe(401);
    await expect.poll(async () => (await fetch(`${server.url}${ApiPath.events}`, { headers: { authorization: `Bearer ${token}` } })).status, { timeout: 35_000, interval: 1000 }).toBe(401);
  }, 40_000);

  it('refuses a revoked screen token', async () => {
    const out = users(['token', 'add', '--name', '临时屏', '--role', 'viewer']);
    const [, id] = /token (t_\w+)/.exec(out)!;
    const token = /\n(gp_\S+)/.exec(out)![1];
    expect((await fetch(`${server.url}${ApiPath.geography}`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    users(['token', 'revoke', id]);
    await expect.poll(async () => (await fetch(`${server.url}${ApiPath.geography}`, { headers: { authorization: `Bearer ${token}` } })).status, { timeout: 35_000, interval: 1000 }).toBe(401);
  }, 40_000);
});

describe('scope, personal data and the audit log', () => {
  let streetOfficer: string;
  const mine = () => grids[0];
  const other = () => grids.find((g) => g.streetId !== grids[0].streetId)!;
  beforeAll(async () => {
    users(['add', 'street-officer', '--role', 'officer', '--scope', mine().streetId, '--name', '街道值班员', '--password-stdin'], 'street-password');
    streetOfficer = ((await (await login('street-officer', 'street-password')).json()) as { token: string }).token;
    expect((await report('ingest', 'in-mine', mine(), { reporter: { name: '张三', phone: '13812345678' } })).status).toBe(201);
    expect((await report('ingest', 'in-other', other())).status).toBe(201);
  });
  const asStreet = (method: string, path: string, body?: unknown) =>
    fetch(server.url + path, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${streetOfficer}` }, body: body === undefined ? undefined : JSON.stringify(body) });

  it('limits a street’s officer to that street: lists, records, actions', async () => {
    const list = (await (await asStreet('GET', `${ApiPath.events}?limit=500`)).json()) as { events: { id: string }[] };
    expect(list.events.map((e) => e.id)).toContain('in-mine');
    expect(list.events.map((e) => e.id)).not.toContain('in-other');
    expect((await asStreet('GET', `${ApiPath.events}?regionId=${other().streetId}`)).status).toBe(403);
    expect((await asStreet('GET', `${ApiPath.events}/in-other`)).status).toBe(404);
    expect((await asStreet('POST', `${ApiPath.events}/in-other/transitions`, { action: 'accept' })).status).toBe(404);
    expect((await asStreet('POST', `${ApiPath.events}/in-mine/transitions`, { action: 'accept' })).status).toBe(200);
    expect((await asStreet('GET', `${ApiPath.regions}/${other().streetId}`)).status).toBe(403);
    const alerts = (await (await asStreet('GET', ApiPath.alerts)).json()) as { alerts: { eventId: string }[] };
    expect(alerts.alerts.map((a) => a.eventId)).not.toContain('in-other');
  });

  it('lets the socket of a scoped person subscribe inside the scope only', async () => {
    const s = await connectScreen(server.url, { token: streetOfficer });
    try {
      expect(await s.subscribe(mine().streetId)).toEqual({ ok: true, mode: 'snapshot' });
      expect(await s.subscribe(other().streetId)).toMatchObject({ ok: false, problem: { code: 'unauthorised' } });
    } finally {
      s.close();
    }
  });

  it('shows reporters’ names and phones to officers only; screens and leaders get them masked', async () => {
    const asOfficer = (await (await call('officer', 'GET', `${ApiPath.events}/in-mine`)).json()) as { event: { reporter: unknown } };
    expect(asOfficer.event.reporter).toEqual({ name: '张三', phone: '13812345678' });
    const asLeader = (await (await call('leader', 'GET', `${ApiPath.events}/in-mine`)).json()) as { event: { reporter: unknown } };
    expect(asLeader.event.reporter).toEqual({ name: '张*', phone: '138****5678' });
    const wall = await connectScreen(server.url, { token: server.creds.wallToken });
    try {
      await wall.subscribe('150602');
      await expect.poll(() => wall.snapshots.length).toBe(1);
      const e = wall.snapshots[0].events.find((x) => x.id === 'in-mine');
      expect(e?.reporter).toEqual({ name: '张*', phone: '138****5678' });
    } finally {
      wall.close();
    }
  });

  it('records who changed what, when and from where, for administrators to query', async () => {
    const res = await call('admin', 'GET', `${ApiPath.audit}?actor=street-officer`);
    const { entries } = (await res.json()) as { entries: { action: string; target: string; ip: string; detail: { name: string; to: string } }[] };
    expect(entries[0]).toMatchObject({ action: 'event.transition', target: 'in-mine', detail: { name: '街道值班员', to: 'accepted' } });
    expect(entries[0].ip).toMatch(/127\.0\.0\.1/);
    const logins = (await (await call('admin', 'GET', `${ApiPath.audit}?action=auth.login&actor=street-officer`)).json()) as { entries: unknown[] };
    expect(logins.entries.length).toBeGreaterThan(0);
    const cli = (await (await call('admin', 'GET', `${ApiPath.audit}?action=user.add`)).json()) as { entries: { ip: string; target: string }[] };
    expect(cli.entries.map((e) => e.target)).toContain('street-officer');
  });
});

describe('sockets check the role', () => {
  it('refuses a socket without a credential, and an ingest client’s', async () => {
    await expect(connectScreen(server.url)).rejects.toThrow(/not signed in/);
    await expect(connectScreen(server.url, { token: server.creds.ingestToken })).rejects.toThrow(/may not watch/);
  });

  it('lets a leader push a view to the wall screen and release it; an officer and the screen itself may not', async () => {
    const wall = await connectScreen(server.url, { token: server.creds.wallToken });
    const leader = await connectScreen(server.url, { token: creds.leader! });
    const officer = await connectScreen(server.url, { token: creds.officer! });
    try {
      const followed = new Promise<{ regionId: string; by: string }>((r) => wall.socket.on(SocketEvent.wallFollow, r));
      const walls = (await (await call('leader', 'GET', ApiPath.walls)).json()) as { walls: { id: string; name: string }[] };
      expect(walls.walls.map((w) => w.id)).toContain('demo-wall');
      const ack = (await leader.socket.timeout(5000).emitWithAck(SocketEvent.wallPush, { regionId: grids[0].streetId, screens: ['demo-wall'] })) as WallAck;
      expect(ack).toMatchObject({ ok: true, screens: ['demo-wall'] });
      expect(await followed).toMatchObject({ regionId: grids[0].streetId, by: '演示领导' });
      const listed = (await (await call('leader', 'GET', ApiPath.walls)).json()) as { walls: { id: string; drivenBy: string | null }[] };
      expect(listed.walls.find((w) => w.id === 'demo-wall')?.drivenBy).toBe('演示领导');
      const released = new Promise((r) => wall.socket.on(SocketEvent.wallReleased, r));
      expect(await leader.socket.timeout(5000).emitWithAck(SocketEvent.wallRelease, { screens: ['*'] })).toMatchObject({ ok: true, screens: ['demo-wall'] });
      await released;
      expect(await officer.socket.timeout(5000).emitWithAck(SocketEvent.wallPush, { regionId: '150602', screens: ['*'] })).toMatchObject({ ok: false, problem: { code: 'unauthorised' } });
      expect(await wall.socket.timeout(5000).emitWithAck(SocketEvent.wallPush, { regionId: '150602', screens: ['*'] })).toMatchObject({ ok: false });
      const audit = (await (await call('admin', 'GET', `${ApiPath.audit}?action=wall.push`)).json()) as { entries: { actor: string }[] };
      expect(audit.entries[0].actor).toBe('demo-leader');
    } finally {
      wall.close();
      leader.close();
      officer.close();
    }
  });
});
