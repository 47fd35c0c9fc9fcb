import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { union, featureCollection, pointOnFeature } from '@turf/turf';
import type { Feature, Polygon, MultiPolygon } from 'geojson';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';
import { DEMO_GEOGRAPHY } from '../../server/geo/geographyPath';
import type { GeographyCollection, Region } from '../../shared/geo/region';
import { ApiPath } from '../../shared/protocol/socketProtocol';
import { connectScreen } from '../support/screenClient';

let server: ServerProcess;
const demo = JSON.parse(readFileSync(DEMO_GEOGRAPHY, 'utf8')) as GeographyCollection;
const grids = demo.features.filter((f) => f.properties.level === 'grid');
// Two grids of one community, merged by a re-import (动态调整).
const [a, b] = grids.filter((f) => f.properties.parentId === grids[0].properties.parentId);
const merged = `${a.properties.parentId}999`;

async function report(clientId: string, f: Feature<Polygon | MultiPolygon, Region>) {
  const [lon, lat] = pointOnFeature(f).geometry.coordinates;
  const res = await server.fetch(ApiPath.events, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientId, category: 'sanitation', source: 'grid_worker', location: { lon, lat } }),
  });
  expect(res.status).toBe(201);
}
const region = async (id: string) => (await (await server.fetch(`${ApiPath.regions}/${id}`)).json()) as { counters: { total: number } };

beforeAll(async () => {
  server = await startServerProcess();
});
afterAll(async () => server?.dispose());

describe('re-importing a changed geography while the server runs', () => {
  it('merges two grids: events keep their grid ids, counters follow the new map, screens are told, the change is logged', async () => {
    await report('r-a', a);
    await report('r-b1', b);
    await report('r-b2', b);
    const communityBefore = await region(a.properties.parentId!);
    expect(communityBefore.counters.total).toBe(3);
    const screen = await connectScreen(server.url, { token: server.token });
    const told = new Promise((r) => screen.socket.on('geography:changed', r));

    const mergedFeature = union(featureCollection([a, b]))!;
    const next: GeographyCollection = {
      ...demo,
      features: [
        ...demo.features.filter((f) => f !== a && f !== b),
        { type: 'Feature', properties: { ...a.properties, id: merged, name: '合并网格' }, geometry: mergedFeature.geometry },
      ],
    };
    // Written as geo:import does: to a temporary file, then renamed into place.
    const target = join(server.dataDir, 'geography.geojson');
    writeFileSync(`${target}.tmp`, JSON.stringify(next));
    renameSync(`${target}.tmp`, target);

    await expect.poll(() => server.logs.some((l) => l.includes('geography reloaded')), { timeout: 10_000 }).toBe(true);
    await told;
    screen.close();
    const log = JSON.parse(server.logs.find((l) => l.includes('geography reloaded'))!);
    expect(log).toMatchObject({ added: { grid: 1 }, removed: { grid: 2 }, addedGrids: [merged], events: 3 });

    expect((await region(merged)).counters.total).toBe(3);
    expect((await region(a.properties.parentId!)).counters.total).toBe(3);
    expect((await server.fetch(`${ApiPath.regions}/${a.properties.id}`)).status).toBe(404);
    const stored = (await (await server.fetch(`${ApiPath.events}/r-b1`)).json()) as { event: { gridId: string } };
    expect(stored.event.gridId).toBe(b.properties.id); // the original grid id is kept

    // New events land in the merged grid.
    await report('r-new', { ...a, properties: { ...a.properties, id: merged } });
    expect((await region(merged)).counters.total).toBe(4);
  });

  it('keeps the geography in force when the new file is broken', async () => {
    const target = join(server.dataDir, 'geography.geojson');
    writeFileSync(target, '{ not json');
    await expect.poll(() => server.logs.some((l) => l.includes('geography reload failed')), { timeout: 10_000 }).toBe(true);
    expect((await region(merged)).counters.total).toBe(4);
    rmSync(target);
  });
});
