import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';
import { demoGrids, type DemoGrid } from '../support/demoPoints';
import { ApiPath } from '../../shared/protocol/socketProtocol';
import { MAX_EVENT_BATCH } from '../../shared/events/eventIngestSchema';
import type { RegionCounters } from '../../shared/aggregates/regionCounters';

const DISTRICT = '150602';
let server: ServerProcess;
let grids: DemoGrid[];

/** As an integrating platform sends: the demo ingest token. */
const postBatch = (events: unknown[], token = server.creds.ingestToken) =>
  fetch(`${server.url}${ApiPath.events}/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ events }),
  });
const report = (clientId: string, i: number) => {
  const g = grids[(i * 37) % grids.length];
  return { clientId, category: 'sanitation', source: 'sensor', location: { lon: g.lon, lat: g.lat }, description: `批量上报 ${i}` };
};
const total = async () => ((await (await server.fetch(`${ApiPath.regions}/${DISTRICT}`)).json()) as { counters: RegionCounters }).counters.total;

beforeAll(async () => {
  server = await startServerProcess();
  grids = demoGrids();
});
afterAll(async () => server?.dispose());

describe('POST /api/events/batch', () => {
  it('stores every event of a batch durably, answers in order, and a retried batch stores nothing twice', async () => {
    const before = await total();
    const events = Array.from({ length: 50 }, (_, i) => report(`batch-a-${i}`, i));
    const res = await postBatch(events);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { results: { event: { id: string; gridId: string }; duplicate: boolean }[] };
    expect(body.results.map((r) => r.event.id)).toEqual(events.map((e) => e.clientId));
    expect(body.results.every((r) => !r.duplicate && /^\d{15}$/.test(r.event.gridId))).toBe(true);
    expect(await total()).toBe(before + 50);

    const again = await postBatch(events);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { results: { duplicate: boolean }[] }).results.every((r) => r.duplicate)).toBe(true);
    expect(await total()).toBe(before + 50);
  });

  it('refuses the whole batch when one event is wrong, naming it by index, and stores none', async () => {
    const before = await total();
    const bad = [report('batch-b-0', 0), { ...report('batch-b-1', 1), category: 'nonsense' }, report('batch-b-2', 2)];
    const res = await postBatch(bad);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; message: string; problems: { index: number; issues: { field: string }[] }[] };
    expect(body.error).toBe('batch_refused');
    expect(body.problems).toHaveLength(1);
    expect(body.problems[0]).toMatchObject({ index: 1, issues: [{ field: 'category' }] });
    expect(body.message).toContain('events[1] category');

    const outside = await postBatch([report('batch-c-0', 0), { ...report('batch-c-1', 1), location: { lon: 100, lat: 20 } }]);
    expect(outside.status).toBe(422);
    expect(((await outside.json()) as { problems: { index: number }[] }).problems.map((p) => p.index)).toEqual([1]);
    expect(await total()).toBe(before);
    expect((await server.fetch(`${ApiPath.events}/batch-b-0`)).status).toBe(404);
  });

  it('refuses an empty or oversized batch, and a role that may not report', async () => {
    expect((await postBatch([])).status).toBe(400);
    const tooMany = Array.from({ length: MAX_EVENT_BATCH + 1 }, (_, i) => report(`batch-d-${i}`, i));
    expect((await postBatch(tooMany)).status).toBeGreaterThanOrEqual(400); // 400 by count, or 413 by bytes first
    expect((await postBatch([report('batch-e-0', 0)], server.creds.wallToken!)).status).toBe(403);
  });
});
