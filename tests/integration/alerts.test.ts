import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';
import { connectScreen } from '../support/screenClient';
import { demoGrids, type DemoGrid } from '../support/demoPoints';
import { ApiPath, SocketEvent } from '../../shared/protocol/socketProtocol';
import type { Alert } from '../../shared/alerts/alert';
import { applyAlert, applyDelta, applySnapshot } from '../../client/stream/focusState';

let server: ServerProcess;
let grids: DemoGrid[];
const post = (path: string, body: unknown) =>
  server.fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const report = (clientId: string, g: DemoGrid, severity: string) =>
  post(ApiPath.events, { clientId, category: 'safety_hazard', severity, source: 'sensor', location: { lon: g.lon, lat: g.lat }, description: '<b>燃气</b>泄漏' });
const alertsNow = async (q = '') => ((await (await server.fetch(`${ApiPath.alerts}${q}`)).json()) as { alerts: Alert[] }).alerts;

beforeAll(async () => {
  // A long tick shows that alerts do not wait for it.
  server = await startServerProcess({ env: { TICK_MS: '5000' } });
  grids = demoGrids();
});
afterAll(async () => {
  await server?.stop();
  if (server) rmSync(server.dataDir, { recursive: true, force: true });
});

describe('alerts for duty officers', () => {
  it('sends a critical event’s alert at once to screens whose focus contains it, not to others', async () => {
    const g = grids[3];
    const district = await connectScreen(server.url, { token: server.token });
    const street = await connectScreen(server.url, { token: server.token });
    const otherStreet = await connectScreen(server.url, { token: server.token });
    try {
      await district.subscribe('150602');
      await street.subscribe(g.streetId);
      await otherStreet.subscribe(grids.find((x) => x.streetId !== g.streetId)!.streetId);
      const got = (s: typeof district) => new Promise<{ a: Alert; at: number }>((r) => s.socket.on(SocketEvent.alert, (a) => r({ a, at: Date.now() })));
      const [d, s] = [got(district), got(street)];
      let other = 0;
      otherStreet.socket.on(SocketEvent.alert, () => other++);
      const sent = Date.now();
      expect((await report('al-1', g, 'critical')).status).toBe(201);
      const [fromDistrict, fromStreet] = await Promise.all([d, s]);
      expect(fromDistrict.a).toMatchObject({ id: 'critical_event:al-1', kind: 'critical_event', eventId: 'al-1', regionId: g.id, state: 'new', severity: 'critical' });
      expect(fromDistrict.a.title).toContain('<b>燃气</b>泄漏');
      expect(fromDistrict.at - sent).toBeLessThan(2000); // far below the 5 s tick
      expect(fromStreet.a.id).toBe('critical_event:al-1');
      await new Promise((r) => setTimeout(r, 200));
      expect(other).toBe(0);
    } finally {
      district.close();
      street.close();
      otherStreet.close();
    }
  });

  it('fires each rule exactly once per event however the event moves on', async () => {
    for (const action of ['accept', 'dispatch']) await post(`${ApiPath.events}/al-1/transitions`, { action, actor: 't', unit: '城管执法中队' });
    await report('al-1', grids[3], 'critical'); // a retry of the same report
    const mine = (await alertsNow()).filter((a) => a.eventId === 'al-1');
    expect(mine.map((a) => a.id)).toEqual(['critical_event:al-1']);
    expect((await report('al-2', grids[4], 'normal')).status).toBe(201);
    expect((await alertsNow()).some((a) => a.eventId === 'al-2')).toBe(false);
  });

  it('is acknowledged then handled; a second officer acting on the handled alert gets a clear 409', async () => {
    // Two people at two consoles: the demo duty officer and the demo administrator.
    const act = async (as: 'officer' | 'admin', body: object) =>
      server.fetch(`${ApiPath.alerts}/critical_event:al-1/actions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await server.login(as)}` }, body: JSON.stringify(body) });
    expect((await act('officer', { action: 'acknowledge', expectedState: 'new' })).status).toBe(200);
    const handled = await act('officer', { action: 'handle', expectedState: 'acknowledged' });
    expect(await handled.json()).toMatchObject({ alert: { state: 'handled', handledBy: '演示值班员', acknowledgedBy: '演示值班员' } });
    const late = await act('admin', { action: 'acknowledge', expectedState: 'new' });
    expect(late.status).toBe(409);
    expect(((await late.json()) as { message: string }).message).toContain('演示值班员');
    expect(await alertsNow('?state=new,acknowledged')).toEqual([]);
    expect((await alertsNow(`?regionId=${grids[3].streetId}`)).map((a) => a.id)).toEqual(['critical_event:al-1']);
    expect((await act('admin', { action: 'explode' })).status).toBe(400);
    expect((await post(`${ApiPath.alerts}/nope/actions`, { action: 'handle', actor: 'x' })).status).toBe(404);
  });

  it('handles an event’s open alerts when the event is closed or rejected', async () => {
    expect((await report('al-4', grids[6], 'critical')).status).toBe(201);
    await expect.poll(async () => (await alertsNow('?state=new')).some((a) => a.eventId === 'al-4')).toBe(true);
    expect((await post(`${ApiPath.events}/al-4/transitions`, { action: 'reject', actor: 't', note: '重复上报' })).status).toBe(200);
    await expect.poll(async () => (await alertsNow()).find((a) => a.eventId === 'al-4')?.state).toBe('handled');
    expect((await alertsNow()).find((a) => a.eventId === 'al-4')).toMatchObject({ handledBy: 'system' });
  });

  it('drops an alert handled while a screen was away when the screen resumes', async () => {
    const g = grids[7];
    const first = await connectScreen(server.url, { token: server.token });
    await first.subscribe(g.streetId);
    await expect.poll(() => first.snapshots.length).toBe(1);
    let state = applySnapshot(g.streetId, first.snapshots[0])!;
    first.socket.on(SocketEvent.alert, (a) => (state = applyAlert(state, a)));
    expect((await report('al-5', g, 'critical')).status).toBe(201);
    await expect.poll(() => state.alerts.map((a) => a.id)).toContain('critical_event:al-5');
    first.close();

    const act = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'handle' }) };
    expect((await server.fetch(`${ApiPath.alerts}/critical_event:al-5/actions`, act)).status).toBe(200);
    const again = await connectScreen(server.url, { token: server.token });
    try {
      expect(await again.subscribe(g.streetId, state.seq)).toEqual({ ok: true, mode: 'resumed' });
      await expect.poll(() => again.deltas.length).toBe(1);
      const r = applyDelta(g.streetId, state, again.deltas[0]);
      expect(r.kind).toBe('applied');
      if (r.kind === 'applied') expect(r.state.alerts.map((a) => a.id)).not.toContain('critical_event:al-5');
    } finally {
      again.close();
    }
  });

  it('keeps alerts across a restart', async () => {
    await report('al-3', grids[5], 'critical');
    await server.stop();
    server = await startServerProcess({ dataDir: server.dataDir, env: { TICK_MS: '5000' } });
    const screen = await connectScreen(server.url, { token: server.token });
    try {
      await screen.subscribe('150602');
      await expect.poll(() => screen.snapshots.length).toBe(1);
      expect(screen.snapshots[0].alerts.map((a) => a.id)).toContain('critical_event:al-3');
      expect(screen.snapshots[0].alerts.some((a) => a.eventId === 'al-1')).toBe(false); // handled before the restart
    } finally {
      screen.close();
    }
  });
});
