/**
 * Store ingest: created events/s through EventStore.apply() with batches of 200 (what the write
 * queue's group commit hands the store under load), for the embedded SQLite store and, when
 * DATABASE_URL is set, PostgreSQL (in a scratch schema, dropped after) side by side; then the
 * restart rebuild: seconds for forEachCountable over 1,000,000 stored events (SQLite always,
 * PostgreSQL too when DATABASE_URL is set), with the heap growth while iterating.
 * Run: `DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/run.ts storeIngest`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CATEGORY_CODES, SEVERITIES, SOURCES, type Category, type Source } from '../shared/events/categories';
import type { EventStore, NewEventRecord, StoreCommand } from '../server/store/eventStore';
import { SqliteEventStore } from '../server/store/sqlite/sqliteEventStore';
import { createTestSchema } from '../server/store/postgres/testSchema';
import type { BenchFigure } from './run';

const INGEST_EVENTS = 50_000;
const INGEST_BATCH = 200;
const REBUILD_EVENTS = 1_000_000;
const REBUILD_BATCH = 1_000;

export async function run(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const url = process.env.DATABASE_URL;

  await withSqlite(async (store) => figures.push(await ingest('sqlite', store)));
  if (url) await withPostgres(url, async (store) => figures.push(await ingest('postgres', store)));
  else figures.push({ name: 'postgres ingest', value: 0, unit: 'events/s', note: 'skipped: DATABASE_URL not set' });

  await withSqlite(async (store) => figures.push(...(await rebuild('sqlite', store))));
  if (url) await withPostgres(url, async (store) => figures.push(...(await rebuild('postgres', store))));
  return figures;
}

async function withSqlite(f: (s: EventStore) => Promise<unknown>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gp-bench-store-'));
  const store = new SqliteEventStore(dir);
  try {
    await store.migrate();
    await f(store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function withPostgres(url: string, f: (s: EventStore) => Promise<unknown>): Promise<void> {
  const schema = await createTestSchema(url, 'gp_bench');
  const store = schema.open();
  try {
    await store.migrate();
    await f(store);
  } finally {
    await store.close();
    await schema.drop();
  }
}

const T0 = Date.parse('2026-11-25T00:00:00Z');
const GRIDS = Array.from({ length: 700 }, (_, i) => `150602${String(i).padStart(9, '0')}`);
const SOURCE_CODES = SOURCES.map((s) => s.code) as Source[];

function record(n: number, prefix: string): NewEventRecord {
  const reportedAtMs = T0 + n * 1000;
  return {
    id: `${prefix}-${n}`,
    category: CATEGORY_CODES[n % CATEGORY_CODES.length] as Category,
    severity: SEVERITIES[n % SEVERITIES.length],
    source: SOURCE_CODES[n % SOURCE_CODES.length],
    lon: 109.9 + (n % 1000) * 1e-4,
    lat: 39.8 + (n % 997) * 1e-4,
    gridId: GRIDS[n % GRIDS.length],
    description: `井盖缺失 #${n}，请尽快处置`,
    reportedAtMs,
    receivedAtMs: reportedAtMs + 800,
    deadlineMs: reportedAtMs + 72 * 3600_000,
    actor: 'bench',
    reporter: null,
  };
}

/** Creates `total` events in batches of `batch`, awaiting each (as the write queue does). */
async function fill(store: EventStore, total: number, batch: number, prefix: string): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < total; i += batch) {
    const cmds: StoreCommand[] = [];
    for (let n = i; n < Math.min(total, i + batch); n++) cmds.push({ type: 'create', record: record(n, prefix) });
    const out = await store.apply(cmds);
    if (out.some((o) => o.type !== 'created')) throw new Error(`${store.kind}: not every event was created`);
  }
  return (performance.now() - t0) / 1000;
}

async function ingest(label: string, store: EventStore): Promise<BenchFigure> {
  await fill(store, 2_000, INGEST_BATCH, 'warm'); // connections, prepared statements, JIT
  const s = await fill(store, INGEST_EVENTS, INGEST_BATCH, 'ev');
  return {
    name: `${label} ingest, batches of ${INGEST_BATCH}`,
    value: INGEST_EVENTS / s,
    unit: 'events/s',
    note: `${INGEST_EVENTS.toLocaleString('en-US')} events in ${s.toFixed(2)} s, each batch one durable commit`,
  };
}

async function rebuild(label: string, store: EventStore): Promise<BenchFigure[]> {
  const fillS = await fill(store, REBUILD_EVENTS, REBUILD_BATCH, 'rb');
  globalThis.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  let peak = heap0;
  let open = 0;
  const t0 = performance.now();
  const { count: n } = await store.forEachCountable((_, e) => {
    if (e.status !== 'closed') open++;
    if ((open & 0xffff) === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  });
  const s = (performance.now() - t0) / 1000;
  if (n !== REBUILD_EVENTS || open !== REBUILD_EVENTS) throw new Error(`${label}: visited ${n} events, expected ${REBUILD_EVENTS}`);
  const m = REBUILD_EVENTS.toLocaleString('en-US');
  return [
    { name: `${label} fill for rebuild, batches of ${REBUILD_BATCH}`, value: REBUILD_EVENTS / fillS, unit: 'events/s', note: `${m} events in ${fillS.toFixed(1)} s` },
    {
      name: `${label} rebuild: forEachCountable over ${m} events`,
      value: s,
      unit: 's',
      note: `${Math.round(n / s).toLocaleString('en-US')} events/s; heap grew at most ${((peak - heap0) / 2 ** 20).toFixed(0)} MiB while iterating`,
    },
  ];
}
