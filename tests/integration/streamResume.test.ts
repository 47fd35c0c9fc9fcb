import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';
import { connectScreen, type TestScreen } from '../support/screenClient';
import { demoGrids, type DemoGrid } from '../support/demoPoints';
import { ApiPath } from '../../shared/protocol/socketProtocol';
import { withoutMixes, type RegionCounters, type ScreenCounters } from '../../shared/aggregates/regionCounters';
import { applyDelta, applySnapshot, EVENT_LIST_LIMIT, type FocusState } from '../../client/stream/focusState';

const DISTRICT = '150602';
const REPLAY_LIMIT = 40;
let server: ServerProcess;
let grids: DemoGrid[];
let n = 0;

const post = (path: string, body: unknown) =>
  server.fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
/** Reports an event (and moves every third one along), one after another: `count` store changes or more. */
async function changeTheStore(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const g = grids[(n * 13) % grids.length];
    const id = `rs-${n++}`;
    expect((await post(ApiPath.events, { clientId: id, category: 'livelihood', source: 'resident', location: { lon: g.lon, lat: g.lat } })).status).toBe(201);
    if (i % 3 === 0) expect((await post(`${ApiPath.events}/${id}/transitions`, { action: 'accept', actor: 't' })).status).toBe(200);
  }
}

/**
 * How a screen keeps its list: every changed event sent, cut to the list's length by the client
 * (a console), or only those inside a window the server keeps in step (walls, tablets; 8 here so
 * that the changes below push events out of it).
 */
const MODES = [
  { mode: 'every change', feed: undefined, limit: EVENT_LIST_LIMIT },
  { mode: 'feed window of 8', feed: 8, limit: 8 },
];

/** A screen that keeps state exactly as the wall does (the client's own merge functions). */
async function trackingScreen(regionId: string, limit: number, feed: number | undefined, lastSeq?: number, held: FocusState | null = null) {
  const screen = await connectScreen(server.url, { token: server.token });
  let state = held;
  let gaps = 0;
  let events = 0;
  screen.socket.on('focus:snapshot', (s) => (state = applySnapshot(regionId, s, limit)));
  screen.socket.on('focus:delta', (d) => {
    events += d.events.length;
    const r = applyDelta(regionId, state, d, limit);
    if (r.kind === 'applied') state = r.state;
    if (r.kind === 'gap') gaps++;
  });
  const ack = await screen.subscribe(regionId, lastSeq, feed);
  return { screen, ack, get state() { return state; }, get gaps() { return gaps; }, get eventsReceived() { return events; } };
}

/** What the store says: the focus's and its children's counters, and its newest `limit` events. */
async function truth(regionId: string, limit: number) {
  const region = (await (await server.fetch(`${ApiPath.regions}/${regionId}`)).json()) as { counters: RegionCounters; children: { region: { id: string }; counters: RegionCounters }[] };
  const counters: Record<string, ScreenCounters> = { [regionId]: region.counters };
  // Screens get today's mixes only for the focus (ScreenCounters).
  for (const c of region.children) counters[c.region.id] = withoutMixes(c.counters);
  const list = (await (await server.fetch(`${ApiPath.events}?regionId=${regionId}&limit=${limit}`)).json()) as { events: { id: string; status: string }[] };
  return { counters, events: list.events.map((e) => `${e.id}:${e.status}`).sort() };
}

async function expectConverged(s: { state: FocusState | null }, regionId: string, limit: number) {
  await expect
    .poll(async () => {
      const t = await truth(regionId, limit);
      return JSON.stringify({ counters: s.state?.counters, events: s.state?.events.map((e) => `${e.id}:${e.status}`).sort() }) === JSON.stringify(t);
    }, { timeout: 10_000, interval: 200 })
    .toBe(true);
}

beforeAll(async () => {
  server = await startServerProcess({ env: { TICK_MS: '100', STREAM_REPLAY_LIMIT: String(REPLAY_LIMIT) } });
  grids = demoGrids();
  await changeTheStore(10);
});
afterAll(async () => server?.dispose());

describe.each(MODES)('a screen that drops off and comes back ($mode)', ({ feed, limit }) => {
  it('is caught up with exactly what it missed when the gap is inside the replay window', async () => {
    const first = await trackingScreen(DISTRICT, limit, feed);
    await changeTheStore(3);
    await expectConverged(first, DISTRICT, limit);
    const held = first.state!;
    first.screen.close();

    await changeTheStore(12); // ~16 changes: inside the window of 40
    const again = await trackingScreen(DISTRICT, limit, feed, held.seq, held);
    expect(again.ack).toEqual({ ok: true, mode: 'resumed' });
    await expectConverged(again, DISTRICT, limit);
    expect(again.gaps).toBe(0);
    // A windowed screen was sent only what ends up in its list, not all 12 new events.
    if (feed !== undefined) expect(again.eventsReceived).toBeLessThanOrEqual(feed);
    again.screen.close();
  });

  it('gets a fresh snapshot when the gap is beyond the replay window, and still ends equal to the store', async () => {
    const first = await trackingScreen(DISTRICT, limit, feed);
    await expectConverged(first, DISTRICT, limit);
    const held = first.state!;
    first.screen.close();

    await changeTheStore(45); // > 40 changes
    const again = await trackingScreen(DISTRICT, limit, feed, held.seq, held);
    expect(again.ack).toEqual({ ok: true, mode: 'snapshot' });
    await expectConverged(again, DISTRICT, limit);
    again.screen.close();
  });

  it('gets a snapshot for a seq this store never gave out (a store replaced under it)', async () => {
    const s = await trackingScreen(DISTRICT, limit, feed, 10_000_000);
    expect(s.ack).toEqual({ ok: true, mode: 'snapshot' });
    await expectConverged(s, DISTRICT, limit);
    s.screen.close();
  });

  it('stays equal to the store while events pour in and older ones change', async () => {
    const s = await trackingScreen(DISTRICT, limit, feed);
    await expectConverged(s, DISTRICT, limit);
    await changeTheStore(20);
    // Move an event that has left a window of 8 (it must not come back into the list).
    expect((await post(`${ApiPath.events}/rs-${n - 15}/transitions`, { action: 'reject', actor: 't', note: 'duplicate' })).status).toBe(200);
    await expectConverged(s, DISTRICT, limit);
    s.screen.close();
  });
});

describe('screens with the same focus', () => {
  let a: TestScreen;
  let b: TestScreen;
  afterAll(() => (a?.close(), b?.close()));

  it('receive identical sequences of deltas', async () => {
    const street = grids[0].streetId;
    a = await connectScreen(server.url, { token: server.token });
    b = await connectScreen(server.url, { token: server.token });
    await a.subscribe(street);
    await b.subscribe(street);
    await expect.poll(() => a.snapshots.length + b.snapshots.length).toBe(2);
    expect(a.snapshots[0].seq).toBe(b.snapshots[0].seq);
    for (let i = 0; i < 6; i++) {
      const g = grids.filter((x) => x.streetId === street)[i];
      await post(ApiPath.events, { clientId: `same-${i}`, category: 'dispute', source: 'hotline', location: { lon: g.lon, lat: g.lat } });
      await new Promise((r) => setTimeout(r, 60));
    }
    await expect.poll(() => a.deltas.flatMap((d) => d.events.map((e) => e.id)).filter((id) => id.startsWith('same-')).length).toBe(6);
    await new Promise((r) => setTimeout(r, 300));
    expect(a.deltas.length).toBeGreaterThan(1);
    expect(b.deltas).toEqual(a.deltas);
  });
});
