import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';
import { connectScreen, type TestScreen } from '../support/screenClient';
import { ApiPath } from '../../shared/protocol/socketProtocol';
import type { EventIngest } from '../../shared/events/eventIngestSchema';

// A point inside the demo district (兴胜街道 area), WGS-84.
const DISTRICT = '150602';
let server: ServerProcess;
let grid: { id: string; lon: number; lat: number; streetId: string; communityId: string };

const post = (body: unknown, init: RequestInit = {}) =>
  server.fetch(ApiPath.events, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body), ...init });

const event = (clientId: string, over: Partial<EventIngest> = {}): EventIngest => ({
  clientId,
  category: 'sanitation',
  severity: 'normal',
  source: 'grid_worker',
  location: { lon: grid.lon, lat: grid.lat },
  description: '<img src=x onerror=alert(1)> 垃圾桶满溢',
  ...over,
});

beforeAll(async () => {
  server = await startServerProcess({ env: { TICK_MS: '200' } });
  // Pick a real grid and a point inside it from the geography the server serves.
  const geo = (await (await server.fetch(ApiPath.geography)).json()) as GeoJSON.FeatureCollection<GeoJSON.Polygon, { id: string; parentId: string; level: string }>;
  const byId = new Map(geo.features.map((f) => [f.properties.id, f]));
  const { pointOnFeature } = await import('@turf/turf');
  const g = geo.features.find((f) => f.properties.level === 'grid')!;
  const [lon, lat] = pointOnFeature(g).geometry.coordinates;
  const communityId = g.properties.parentId;
  grid = { id: g.properties.id, lon, lat, communityId, streetId: byId.get(communityId)!.properties.parentId };
});
afterAll(async () => server?.dispose());

describe('ingest → store → screen, across a real server process', () => {
  let screen: TestScreen;
  beforeAll(async () => {
    screen = await connectScreen(server.url, { token: server.token });
  });
  afterAll(() => screen?.close());

  it('answers a subscription with a snapshot of the region and its children', async () => {
    expect(await screen.subscribe(DISTRICT)).toEqual({ ok: true, mode: 'snapshot' });
    await expect.poll(() => screen.snapshots.length).toBe(1);
    const snap = screen.snapshots[0];
    expect(snap.regionId).toBe(DISTRICT);
    expect(Object.keys(snap.counters)).toHaveLength(1 + 12); // the district and its 12 streets
    expect(snap.warnAt).toBe(0.7); // config/time-limits.json, so screens draw lights by the server's rule
  });

  it('stores a posted event with 201, assigns its grid, and streams its delta to the screen', async () => {
    const before = screen.snapshots[0].counters[DISTRICT].total;
    const res = await post(event('it-1'));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { event: { gridId: string; seq: number; description: string } };
    expect(body.event.gridId).toBe(grid.id);
    const delta = await screen.waitForDelta((d) => d.events.some((e) => e.id === 'it-1'));
    expect(delta.regionId).toBe(DISTRICT);
    expect(delta.seq).toBeGreaterThanOrEqual(body.event.seq);
    expect(delta.counters[DISTRICT].total).toBe(before + 1);
    expect(delta.counters[grid.streetId].open).toBeGreaterThanOrEqual(1);
    // User text travels as given; escaping is the renderer's job.
    expect(delta.events[0].description).toBe('<img src=x onerror=alert(1)> 垃圾桶满溢');
  });

  it('does not store a retried client id twice', async () => {
    const again = await post(event('it-1'));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true, event: { id: 'it-1' } });
    const list = (await (await server.fetch(`${ApiPath.events}?limit=500`)).json()) as { events: { id: string }[] };
    expect(list.events.filter((e) => e.id === 'it-1')).toHaveLength(1);
  });

  it('shows counters equal to a count of the store once settled', async () => {
    await Promise.all([2, 3, 4].map((i) => post(event(`it-${i}`, { category: 'dispute' }))));
    const last = await screen.waitForDelta((d) => d.events.some((e) => e.id === 'it-4') || d.counters[DISTRICT]?.total === 4);
    const region = (await (await server.fetch(`${ApiPath.regions}/${grid.communityId}`)).json()) as { counters: { total: number } };
    const stored = (await (await server.fetch(`${ApiPath.events}?regionId=${grid.communityId}&limit=500`)).json()) as { events: unknown[] };
    expect(region.counters.total).toBe(stored.events.length);
    const latestTotal = [...screen.deltas].reverse().find((d) => d.counters[DISTRICT])!.counters[DISTRICT].total;
    expect(latestTotal).toBe(4);
    expect(last).toBeDefined();
  });

  it('sends a screen focused on one street nothing about another street', async () => {
    const geo = (await (await server.fetch(ApiPath.geography)).json()) as GeoJSON.FeatureCollection<GeoJSON.Polygon, { id: string; level: string }>;
    const other = geo.features.find((f) => f.properties.level === 'street' && f.properties.id !== grid.streetId)!.properties.id;
    const streetScreen = await connectScreen(server.url, { token: server.token });
    try {
      expect(await streetScreen.subscribe(other)).toEqual({ ok: true, mode: 'snapshot' });
      await post(event('it-5'));
      await screen.waitForDelta((d) => d.events.some((e) => e.id === 'it-5'));
      await new Promise((r) => setTimeout(r, 500));
      expect(streetScreen.deltas).toEqual([]);
    } finally {
      streetScreen.close();
    }
  });
});

describe('bad input gets a clear 4xx and never crashes the server', () => {
  it('names the invalid field (400)', async () => {
    const res = await post(event('bad-1', { category: 'aliens' as never }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toContain('category');
    const noLoc = await post({ clientId: 'bad-2', category: 'dispute', source: 'hotline' });
    expect(((await noLoc.json()) as { message: string }).message).toContain('location');
  });

  it('refuses malformed JSON (400), a body too large (413), a place outside the district (422)', async () => {
    expect((await post('{"clientId": ')).status).toBe(400);
    expect((await post(event('big', { description: 'x'.repeat(70_000) }))).status).toBe(413);
    const outside = await post(event('far', { location: { lon: 116.4, lat: 39.9 } }));
    expect(outside.status).toBe(422);
    expect(((await outside.json()) as { message: string }).message).toContain('location');
    expect((await post(event('nogrid', { gridId: '150602999999999' }))).status).toBe(422);
  });

  it('refuses a screen speaking another protocol version at the handshake', async () => {
    await expect(connectScreen(server.url, { protocolVersion: 999 })).rejects.toThrow(/protocol version/);
    expect((await server.fetch(ApiPath.health)).status).toBe(200);
  });
});
