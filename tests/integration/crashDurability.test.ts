import { afterAll, expect, it } from 'vitest';
import { describeEachStore } from '../support/storeUnderTest';
import { rmSync } from 'node:fs';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';
import { demoGrids } from '../support/demoPoints';
import { ApiPath } from '../../shared/protocol/socketProtocol';

const TOTAL = 600;
const CONCURRENCY = 24;

describeEachStore('a crash (SIGKILL) while clients post', (store) => {
  let server: ServerProcess;
  let dataDir: string;
  afterAll(async () => {
    await server?.stop('SIGKILL');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await store.cleanup();
  });

  it('loses no acknowledged event, duplicates none, and rebuilds counters equal to a recount', async () => {
    const env = await store.env();
    server = await startServerProcess({ env });
    dataDir = server.dataDir;
    const grids = demoGrids();
    const acknowledged = new Set<string>();
    let attempts = 0;

    // A client that retries each event with the same clientId until it gets a 2xx.
    const postUntilAcked = async (i: number) => {
      const g = grids[(i * 37) % grids.length];
      const body = JSON.stringify({ clientId: `crash-${i}`, category: 'sanitation', source: 'grid_worker', location: { lon: g.lon, lat: g.lat } });
      for (;;) {
        attempts++;
        try {
          const res = await server.fetch(ApiPath.events, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${server.creds.ingestToken}` }, body, signal: AbortSignal.timeout(5000) });
          if (res.status === 201 || res.status === 200) {
            acknowledged.add(`crash-${i}`);
            return;
          }
          throw new Error(`unexpected ${res.status}`);
        } catch {
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    };

    let next = 0;
    const workers = Array.from({ length: CONCURRENCY }, async () => {
      while (next < TOTAL) await postUntilAcked(next++);
    });

    // Kill the server hard once a third is acknowledged, then start it again on the same data.
    while (acknowledged.size < TOTAL / 3) await new Promise((r) => setTimeout(r, 5));
    const ackedBeforeKill = new Set(acknowledged);
    await server.stop('SIGKILL');
    server = await startServerProcess({ dataDir, env });
    await Promise.all(workers);

    expect(acknowledged.size).toBe(TOTAL);
    expect(attempts).toBeGreaterThan(TOTAL); // some posts really did fail and were retried

    const stored: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await (await server.fetch(`${ApiPath.events}?limit=500${cursor ? `&cursor=${cursor}` : ''}`)).json()) as { events: { id: string }[]; nextCursor: string | null };
      stored.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(stored.length).toBe(TOTAL); // exactly once each
    expect(new Set(stored)).toEqual(acknowledged);
    for (const id of ackedBeforeKill) expect(stored).toContain(id);

    const district = (await (await server.fetch(`${ApiPath.regions}/150602`)).json()) as { counters: { total: number; open: number }; children: { counters: { total: number } }[] };
    expect(district.counters.total).toBe(TOTAL);
    expect(district.counters.open).toBe(TOTAL);
    expect(district.children.reduce((s, c) => s + c.counters.total, 0)).toBe(TOTAL);
  }, 120_000);
});
