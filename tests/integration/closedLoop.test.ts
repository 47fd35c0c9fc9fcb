import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStore } from '../support/storeUnderTest';
import { rmSync } from 'node:fs';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';
import { demoGrids, type DemoGrid } from '../support/demoPoints';
import { connectScreen } from '../support/screenClient';
import { ApiPath } from '../../shared/protocol/socketProtocol';

let server: ServerProcess;
let g: DemoGrid;
const json = async <T = any>(res: Response | Promise<Response>) => (await (await res).json()) as T;
const post = (path: string, body: unknown) =>
  server.fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const report = (clientId: string, over: Record<string, unknown> = {}) =>
  post(ApiPath.events, { clientId, category: 'dispute', severity: 'urgent', source: 'hotline', location: { lon: g.lon, lat: g.lat }, ...over });
/** Moves an event as the demo duty officer (演示值班员), signed in. */
const move = async (id: string, body: Record<string, unknown>) =>
  server.fetch(`${ApiPath.events}/${id}/transitions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await server.login('officer')}` }, body: JSON.stringify(body) });

describeEachStore('the closed loop over HTTP', (store) => {
  let env: Record<string, string>;
  beforeAll(async () => {
    env = { ...(await store.env()), TICK_MS: '100' };
    server = await startServerProcess({ env });
    g = demoGrids()[5];
  });
  afterAll(async () => {
    await server?.stop();
    if (server) rmSync(server.dataDir, { recursive: true, force: true });
    await store.cleanup();
  });

  it('walks an event from 上报 to 办结, with history, unit, SLA and region indicators', async () => {
    expect((await report('loop-1')).status).toBe(201);
    for (const step of [{ action: 'accept' }, { action: 'dispatch', unit: '司法所', note: '请调解' }, { action: 'start' }, { action: 'resolve', note: '已调解' }, { action: 'close' }]) {
      const res = await move('loop-1', step);
      expect(res.status, JSON.stringify(step)).toBe(200);
    }
    const { event, history } = await json(server.fetch(`${ApiPath.events}/loop-1`));
    expect(event).toMatchObject({ status: 'closed', unit: '司法所', sla: { light: 'done_on_time', remainingMs: null } });
    expect(history.map((t: { action: string }) => t.action)).toEqual(['report', 'accept', 'dispatch', 'start', 'resolve', 'close']);
    expect(history[2]).toMatchObject({ actor: '演示值班员', unit: '司法所', note: '请调解', fromStatus: 'accepted', toStatus: 'dispatched' });
    const grid = await json(server.fetch(`${ApiPath.regions}/${g.id}`));
    expect(grid.counters).toMatchObject({ total: 1, closed: 1, closedOnTime: 1, open: 0 });
    expect(grid.closureRate).toBe(1);
    expect(grid.onTimeRate).toBe(1);
    expect(grid.meanHandlingHours).toBeGreaterThan(0);
  });

  it('refuses an illegal move with 409 naming the allowed ones, and a stale one without overwriting', async () => {
    await report('loop-2');
    const illegal = await move('loop-2', { action: 'close' });
    expect(illegal.status).toBe(409);
    expect(await illegal.json()).toMatchObject({ error: 'transition_not_allowed', status: 'reported', allowed: ['accept', 'reject', 'note'] });
    expect((await move('loop-2', { action: 'accept', expectedStatus: 'reported' })).status).toBe(200);
    const stale = await move('loop-2', { action: 'reject', expectedStatus: 'reported' });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: 'changed_meanwhile', status: 'accepted' });
    expect((await move('loop-2', { action: 'dispatch' })).status).toBe(400); // unit is required to dispatch
    expect((await move('nope', { action: 'accept' })).status).toBe(404);
  });

  it('filters the list by region at any level, status, category and overdue, with stable cursor pages', async () => {
    for (let i = 0; i < 7; i++) await report(`list-${i}`, { category: i % 2 ? 'sanitation' : 'dispute' });
    const byStreet = await json(server.fetch(`${ApiPath.events}?regionId=${g.streetId}&status=open&category=sanitation`));
    expect(byStreet.events.map((e: { id: string }) => e.id)).toEqual(['list-5', 'list-3', 'list-1']);
    const seen: string[] = [];
    let cursor = '';
    do {
      const page = await json(server.fetch(`${ApiPath.events}?regionId=${g.communityId}&limit=3${cursor ? `&cursor=${cursor}` : ''}`));
      seen.push(...page.events.map((e: { id: string }) => e.id));
      cursor = page.nextCursor ?? '';
    } while (cursor);
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
    expect((await json(server.fetch(`${ApiPath.events}?overdue=true`))).events).toEqual([]);
    const bad = await server.fetch(`${ApiPath.events}?status=lost&limit=9999`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/status|limit/);
    expect((await server.fetch(`${ApiPath.events}?regionId=150602999`)).status).toBe(422);
  });

  it('streams a lifecycle move to screens as a changed event and changed counters', async () => {
    const screen = await connectScreen(server.url, { token: server.token });
    try {
      await screen.subscribe(g.communityId);
      await report('loop-3');
      await screen.waitForDelta((d) => d.events.some((e) => e.id === 'loop-3'));
      await move('loop-3', { action: 'reject', note: '重复上报' });
      const d = await screen.waitForDelta((x) => x.events.some((e) => e.id === 'loop-3' && e.status === 'rejected'));
      expect(d.counters[g.communityId].rejected).toBe(1);
    } finally {
      screen.close();
    }
  });

  it('serves an OpenAPI document generated from the request schemas', async () => {
    const doc = await json(server.fetch(ApiPath.openApi));
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.schemas.EventIngest.required).toEqual(expect.arrayContaining(['clientId', 'category', 'source', 'location']));
    expect(doc.components.schemas.Transition.properties.action.enum).toContain('dispatch');
    expect(doc.paths['/api/events'].get.parameters.map((p: { name: string }) => p.name)).toContain('regionId');
  });

  it('rebuilds every counter from the store on restart to what it showed before', async () => {
    const regions = [g.id, g.communityId, g.streetId, '150602'];
    const before = await Promise.all(regions.map((id) => json(server.fetch(`${ApiPath.regions}/${id}`))));
    await server.stop('SIGTERM');
    server = await startServerProcess({ dataDir: server.dataDir, env });
    const after = await Promise.all(regions.map((id) => json(server.fetch(`${ApiPath.regions}/${id}`))));
    expect(after.map((r) => r.counters)).toEqual(before.map((r) => r.counters));
    expect(after[3].children).toEqual(before[3].children);
  });

  it('lets the centre urge (催办) a case a department has, on its timeline, at most once per interval', async () => {
    const other = demoGrids()[9];
    expect((await report('loop-urge', { location: { lon: other.lon, lat: other.lat } })).status).toBe(201);
    expect((await move('loop-urge', { action: 'urge' })).status).toBe(409); // not yet with a department
    for (const step of [{ action: 'accept' }, { action: 'dispatch', unit: '城管执法中队' }]) expect((await move('loop-urge', step)).status).toBe(200);
    const urged = await move('loop-urge', { action: 'urge', note: '已超时，请加快处置' });
    expect(urged.status).toBe(200);
    expect(await urged.json()).toMatchObject({ event: { status: 'dispatched' }, transition: { action: 'urge', fromStatus: 'dispatched', toStatus: 'dispatched', note: '已超时，请加快处置' } });
    const again = await move('loop-urge', { action: 'urge' });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: 'urge_too_soon', minIntervalMinutes: 30 }); // config/time-limits.json
    const { history } = await json(server.fetch(`${ApiPath.events}/loop-urge`));
    expect(history.map((t: { action: string }) => t.action)).toEqual(['report', 'accept', 'dispatch', 'urge']);
  });

  it('adds a note (补充说明) to an open case without moving it, and refuses an empty one', async () => {
    expect((await report('loop-note', { location: { lon: demoGrids()[11].lon, lat: demoGrids()[11].lat } })).status).toBe(201);
    expect((await move('loop-note', { action: 'note' })).status).toBe(400);
    const noted = await move('loop-note', { action: 'note', note: '已电话联系上报居民，约定明早上门' });
    expect(noted.status).toBe(200);
    expect(await noted.json()).toMatchObject({ event: { status: 'reported' }, transition: { action: 'note', fromStatus: 'reported', toStatus: 'reported' } });
    const { history } = await json(server.fetch(`${ApiPath.events}/loop-note`));
    expect(history.map((t: { action: string }) => t.action)).toEqual(['report', 'note']);
  });
});
