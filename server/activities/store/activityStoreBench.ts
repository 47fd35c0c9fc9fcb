/**
 * Measures the activity store: durable ingest through the writer (group commit + counters),
 * and the start-up rebuild of both panels from N stored records (orders, 95 % finished).
 *   npx tsx server/activities/store/activityStoreBench.ts [records=1000000]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx server/activities/store/activityStoreBench.ts 200000
 * Prints one line per figure; results go in docs/BENCHMARKS.md ("Volunteers and service cards").
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadGeography } from '../../geo/loadGeography';
import { DEMO_GEOGRAPHY } from '../../geo/geographyPath';
import type { GeoContext } from '../../geo/geoContext';
import { seededRandom } from '../../simulator/random';
import { SERVICE_CATEGORY_CODES } from '../../../shared/serviceCards/serviceCategories';
import { createTestSchema, type TestSchema } from '../../store/postgres/testSchema';
import type { ActivityCommand, ActivityStore } from './activityStore';
import { SqliteActivityStore } from './sqlite/sqliteActivityStore';
import { PostgresActivityStore } from './postgres/postgresActivityStore';
import { ActivityCounters } from '../aggregates/activityCounters';
import { ActivityWriter } from '../activityWriter';

const records = Number(process.argv[2] ?? 1_000_000);
const url = process.env.DATABASE_URL;
const log = pino({ level: 'silent' });
const geo: GeoContext = { current: loadGeography(DEMO_GEOGRAPHY) };
const grids = geo.current.hierarchy.byLevel('grid').map((g) => g.id);
const random = seededRandom(1);
const T0 = Date.now() - 30 * 86_400_000;
const signed = (n: number) => (n >= 0 ? `+${n}` : `${n}`);

const order = (i: number, atMs: number): ActivityCommand => ({
  type: 'createOrder',
  id: `b-${i}`,
  category: SERVICE_CATEGORY_CODES[i % SERVICE_CATEGORY_CODES.length],
  gridId: grids[Math.floor(random() * grids.length)],
  lon: null,
  lat: null,
  description: '独居老人申请助餐送餐',
  requestedAtMs: atMs,
  actor: 'bench',
});

async function bench(name: string, open: () => Promise<ActivityStore>) {
  const store = await open();
  await store.migrate();
  let writer: ActivityWriter | null = null;
  const counters = new ActivityCounters({ geo, store, now: Date.now, log, exclusive: (fn) => writer!.exclusive(fn) });
  await counters.rebuild();
  writer = new ActivityWriter({ store, counters });

  // Ingest: 20,000 orders and 20,000 stage moves submitted at once, as concurrent clients would.
  const n = 20_000;
  let t = performance.now();
  await Promise.all(Array.from({ length: n }, (_, i) => writer!.submit(order(i, Date.now()))));
  const createMs = performance.now() - t;
  t = performance.now();
  await Promise.all(
    Array.from({ length: n }, (_, i) => writer!.submit({ type: 'orderStage', orderId: `b-${i}`, stage: 'dispatched', actor: 'bench', partnerUnit: '社区老年食堂', rating: null, comment: '', atMs: Date.now() })),
  );
  const stageMs = performance.now() - t;
  console.log(`${name}: ingest through the writer (group commit, counters): ${Math.round(n / (createMs / 1000))} orders/s created, ${Math.round(n / (stageMs / 1000))} stage moves/s`);

  // Fill to `records` in batches of 1,000 straight into the store — 95 % of orders finished
  // (here: cancelled), 5 % still open, as in a store that has run a while — then rebuild.
  for (let i = n; i < records; i += 500) {
    const batch: ActivityCommand[] = [];
    for (let j = i; j < Math.min(i + 500, records); j++) {
      const atMs = T0 + Math.floor((j / records) * 30 * 86_400_000);
      batch.push(order(j, atMs));
      if (j % 20 !== 0) batch.push({ type: 'orderStage', orderId: `b-${j}`, stage: 'cancelled', actor: 'bench', partnerUnit: null, rating: null, comment: '', atMs: atMs + 60_000 });
    }
    await store.apply(batch);
  }
  const heap0 = process.memoryUsage().heapUsed;
  t = performance.now();
  const rebuilt = await counters.rebuild();
  const rebuildMs = performance.now() - t;
  console.log(
    `${name}: rebuild of both panels from ${rebuilt.records.toLocaleString('en')} records: ${(rebuildMs / 1000).toFixed(2)} s ` +
      `(${Math.round(rebuilt.records / (rebuildMs / 1000)).toLocaleString('en')} records/s); heap ${signed(Math.round((process.memoryUsage().heapUsed - heap0) / 1e6))} MB after; open records remembered: ${counters.openRecords.toLocaleString('en')}`,
  );
  await writer.drain();
  await store.close();
}

console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model}, ${new Date().toISOString().slice(0, 10)}`);
const dir = mkdtempSync(join(tmpdir(), 'gp-activity-bench-'));
try {
  await bench('sqlite', async () => new SqliteActivityStore(dir));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (url) {
  let schema: TestSchema | null = null;
  try {
    await bench('postgres', async () => {
      schema = await createTestSchema(url, 'gp_act_bench');
      return new PostgresActivityStore(url, { schema: schema.name });
    });
  } finally {
    await (schema as TestSchema | null)?.drop();
  }
} else console.log('postgres: skipped (DATABASE_URL not set)');
