import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createTestSchema, type TestSchema } from '../../server/store/postgres/testSchema';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';
import { connectScreen, type TestScreen } from '../support/screenClient';
import { demoGrids } from '../support/demoPoints';
import { ApiPath, SocketEvent } from '../../shared/protocol/socketProtocol';
import type { RegionCounters } from '../../shared/aggregates/regionCounters';

const databaseUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
const title = 'two server processes sharing PostgreSQL and Redis';

describe.skipIf(!databaseUrl || !redisUrl)(databaseUrl && redisUrl ? title : `${title} (skipped: DATABASE_URL and REDIS_URL not both set)`, () => {
  let schema: TestSchema;
  let a: ServerProcess;
  let b: ServerProcess;
  let screenOnB: TestScreen;
  const grids = demoGrids();
  const post = (s: ServerProcess, clientId: string, i: number, severity = 'normal') =>
    s.fetch(ApiPath.events, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId, category: 'dispute', severity, source: 'hotline', location: { lon: grids[i].lon, lat: grids[i].lat } }),
    });
  const district = async (s: ServerProcess) => ((await (await s.fetch(`${ApiPath.regions}/150602`)).json()) as { counters: RegionCounters }).counters;

  beforeAll(async () => {
    schema = await createTestSchema(databaseUrl!, 'gp_cluster');
    const env = { DATABASE_URL: databaseUrl!, DATABASE_SCHEMA: schema.name, REDIS_URL: redisUrl!, REDIS_KEY_PREFIX: `gp-test-${randomBytes(4).toString('hex')}`, TICK_MS: '100' };
    a = await startServerProcess({ env });
    b = await startServerProcess({ env, dataDir: a.dataDir }); // same demo credentials (in the data folder)
    screenOnB = await connectScreen(b.url, { token: b.token });
    await screenOnB.subscribe('150602');
  });
  afterAll(async () => {
    screenOnB?.close();
    await b?.dispose();
    await a?.dispose();
    await schema?.drop();
  });

  it('streams an event stored through one process to a screen on the other', async () => {
    expect((await post(a, 'cl-1', 1)).status).toBe(201);
    const d = await screenOnB.waitForDelta((x) => x.events.some((e) => e.id === 'cl-1'));
    expect(d.counters['150602'].total).toBe(1);
  });

  it('keeps both processes’ counters equal to the store under writes to both at once', async () => {
    await Promise.all(Array.from({ length: 60 }, (_, i) => post(i % 2 ? a : b, `cl-many-${i}`, i)));
    // And a lifecycle move through the other process than the one that stored the event.
    expect((await b.fetch(`${ApiPath.events}/cl-1/transitions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'accept', actor: 't' }) })).status).toBe(200);
    await expect.poll(async () => JSON.stringify(await district(a)) === JSON.stringify(await district(b)), { timeout: 10_000 }).toBe(true);
    const c = await district(a);
    expect(c.total).toBe(61);
    const lastOnB = [...screenOnB.deltas].reverse().find((d) => d.counters['150602'])!;
    await expect.poll(() => [...screenOnB.deltas].reverse().find((d) => d.counters['150602'])!.counters['150602'].total, { timeout: 5000 }).toBe(61);
    expect(lastOnB).toBeDefined();
  });

  it('sends an alert raised in one process to the screens on the other at once', async () => {
    const got = new Promise<string>((r) => screenOnB.socket.on(SocketEvent.alert, (al) => r(al.id)));
    expect((await post(a, 'cl-alert', 7, 'critical')).status).toBe(201);
    expect(await got).toBe('critical_event:cl-alert');
  });

  it('shares who drives a wall: a wall on one process follows a push made on the other, and keeps following when it reconnects there', async () => {
    const wall = await connectScreen(b.url, { token: b.creds.wallToken! });
    const leader = await connectScreen(a.url, { token: await a.login('leader') });
    let again: TestScreen | null = null;
    try {
      const followed = new Promise<{ regionId: string; by: string }>((r) => wall.socket.on(SocketEvent.wallFollow, r));
      const street = grids[0].streetId;
      expect(await leader.socket.timeout(5000).emitWithAck(SocketEvent.wallPush, { regionId: street, screens: ['*'] })).toMatchObject({ ok: true, screens: ['demo-wall'] });
      expect(await followed).toMatchObject({ regionId: street, by: '演示领导' });
      // Asked on the other process than the one that pushed.
      const listed = (await (await b.fetch(ApiPath.walls)).json()) as { walls: { id: string; drivenBy: string | null }[] };
      expect(listed.walls.find((w) => w.id === 'demo-wall')?.drivenBy).toBe('演示领导');
      // The wall's link drops and comes back on process b: it is told at once whom it follows.
      wall.close();
      again = await connectScreen(b.url, { token: b.creds.wallToken! });
      await expect.poll(() => again!.follows.length, { timeout: 5000 }).toBe(1);
      expect(again.follows[0]).toMatchObject({ regionId: street });
      expect(await leader.socket.timeout(5000).emitWithAck(SocketEvent.wallRelease, { screens: ['*'] })).toMatchObject({ ok: true });
      const after = (await (await b.fetch(ApiPath.walls)).json()) as { walls: { id: string; drivenBy: string | null }[] };
      expect(after.walls.find((w) => w.id === 'demo-wall')?.drivenBy).toBeNull();
    } finally {
      wall.close();
      again?.close();
      leader.close();
    }
  });
});
