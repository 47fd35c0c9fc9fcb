/**
 * HTTP ingest: sustained created events/s through POST /api/events of the real server (its own
 * process, embedded SQLite store in a temp folder, simulator off), driven by many concurrent
 * keep-alive connections from this process (closed loop: each connection sends its next event
 * when the previous one is answered). Every event is valid, at a point inside a demo grid, with
 * a unique client id, sent with the demo ingest client's API token (as an integrating system
 * does); every fifth is urgent (some raise dedicated-grid alerts), the rest normal. Only 201s
 * count. Afterwards the server is stopped and the store's event count must equal the number of
 * 201s (and the district's counter total too). A second run makes 10 % of the requests retries of ids
 * already acknowledged: each must come back 200 `duplicate`, and the store count stays the 201s.
 * A third run sends batches (POST /api/events/batch, BENCH_BATCH events a request over
 * BENCH_BATCH_CONNECTIONS connections), as a hotline or sensor platform forwarding its queue does.
 *
 * DESIGN target: ≥ 5,000 events/s sustained, one node, durable, embedded store.
 * Run: `npx tsx bench/run.ts httpIngest`. The server and this load generator share the
 * machine's cores (2 vCPUs here), so the figure is a floor for a server with its cores alone.
 * CPU: the server's from /proc/<pid>/stat, this process's, the whole machine's (/proc/stat, to
 * show other programs' share), and the server's event loop from a preloaded probe.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiPath } from '../shared/protocol/socketProtocol';
import type { BenchFigure } from './run';
import { EventBodies } from './support/eventBodies';
import { keepAliveAgent, postJson, getJson } from './support/httpClient';
import { CpuWindow, cpuNote, waitForQuietMachine } from './support/procCpu';
import { Samples, summarise, fmt } from './support/stats';
import { probeEnv, readProbe, probeNote, type ProbeSummary } from './support/probe';
import { startGridPulse, stopAndCount, cleanUp, ingestHeaders, adminHeaders } from './support/gridpulseChild';
import type { ServerProcess } from '../tests/support/serverProcess';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const WARMUP_MS = 3_000;
/** Events per request in the batch run (POST /api/events/batch), and its concurrent connections. */
const BATCH = Number(process.env.BENCH_BATCH ?? 100);
const BATCH_CONNECTIONS = Number(process.env.BENCH_BATCH_CONNECTIONS ?? 8);
const MEASURE_MS = Number(process.env.BENCH_SECONDS ?? 25) * 1000;
const DISTRICT = '150602';

interface RunResult {
  created: number; // 201s in the measured window
  windowS: number;
  latency201: ReturnType<typeof summarise>;
  totalCreated: number; // all 201s, warm-up included
  duplicates: number; // 200 duplicate replies
  retriesSent: number;
  other: Map<number, number>;
  storeCount: number;
  alerts: Record<string, number>;
  districtTotal: number;
  cpu: Record<string, number>;
  quietBefore: number;
  serverLoop: ProbeSummary | null;
}

/** `batch` > 1: each request is POST /api/events/batch with that many new events. */
async function load(retryShare: number, batch = 1): Promise<RunResult> {
  let server: ServerProcess | null = null;
  const probeFile = join(tmpdir(), `gp-bench-probe-${process.pid}-${Date.now()}.jsonl`);
  try {
    const quiet = await waitForQuietMachine();
    server = await startGridPulse(probeEnv(probeFile));
    const port = server.port;
    const auth = ingestHeaders(server);
    const bodies = new EventBodies(`hi-${randomBytes(3).toString('hex')}-`);
    const agent = keepAliveAgent(CONNECTIONS);
    const reportedAt: number[] = [];
    const acked: number[] = [];
    const lat = new Samples();
    const other = new Map<number, number>();
    let next = 0;
    let created = 0;
    let totalCreated = 0;
    let duplicates = 0;
    let retriesSent = 0;
    let badDuplicate = 0;
    const t0 = performance.now();
    const measureFrom = t0 + WARMUP_MS;
    const measureTo = measureFrom + MEASURE_MS;
    const cpu = new CpuWindow({ server: server.proc.pid!, loadgen: 'self' });
    let wall0 = 0;
    setTimeout(() => (cpu.start(), (wall0 = Date.now())), WARMUP_MS);
    let cpuShares: Record<string, number> = {};
    let serverLoop: ProbeSummary | null = null;
    setTimeout(() => ((cpuShares = cpu.stop()), (serverLoop = readProbe(probeFile, wall0, Date.now()))), WARMUP_MS + MEASURE_MS);

    const batchWorker = async () => {
      while (performance.now() < measureTo) {
        const ns = Array.from({ length: batch }, () => next++);
        const sent = performance.now();
        const r = await postJson(agent, port, `${ApiPath.events}/batch`, `{"events":[${ns.map((n) => bodies.body(n, Date.now() - 1000)).join(',')}]}`, auth);
        const done = performance.now();
        if (r.status !== 201) {
          other.set(r.status, (other.get(r.status) ?? 0) + 1);
          continue;
        }
        const made = (JSON.parse(r.body) as { results: { duplicate: boolean }[] }).results.filter((x) => !x.duplicate).length;
        totalCreated += made;
        if (sent >= measureFrom && done <= measureTo) {
          created += made;
          lat.push(done - sent);
        }
      }
    };
    const worker = async () => {
      while (performance.now() < measureTo) {
        const retry = retryShare > 0 && acked.length > 100 && Math.random() < retryShare;
        let n: number;
        if (retry) {
          n = acked[Math.floor(Math.random() * acked.length)];
          retriesSent++;
        } else {
          n = next++;
          reportedAt[n] = Date.now() - 1000;
        }
        const sent = performance.now();
        const r = await postJson(agent, port, ApiPath.events, bodies.body(n, reportedAt[n]), auth);
        const done = performance.now();
        if (r.status === 201) {
          totalCreated++;
          acked.push(n);
          if (retry) badDuplicate++; // a retry must never create
          if (sent >= measureFrom && done <= measureTo) {
            created++;
            lat.push(done - sent);
          }
        } else if (r.status === 200 && retry && (JSON.parse(r.body) as { duplicate?: boolean }).duplicate === true) duplicates++;
        else other.set(r.status, (other.get(r.status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: batch > 1 ? BATCH_CONNECTIONS : CONNECTIONS }, batch > 1 ? batchWorker : worker));
    agent.destroy();
    if (badDuplicate > 0) throw new Error(`${badDuplicate} retries of acknowledged ids were created again`);

    const region = await getJson<{ counters: { total: number } }>(`${server.url}${ApiPath.regions}/${DISTRICT}`, adminHeaders(server));
    const s = server;
    server = null;
    const { events: storeCount, alerts } = await stopAndCount(s);
    return {
      created,
      windowS: MEASURE_MS / 1000,
      latency201: summarise(lat.values()),
      totalCreated,
      duplicates,
      retriesSent,
      other,
      storeCount,
      alerts,
      districtTotal: region.counters.total,
      cpu: cpuShares,
      quietBefore: quiet.busyCores,
      serverLoop,
    };
  } finally {
    await cleanUp(server);
    rmSync(probeFile, { force: true });
  }
}

function figuresOf(label: string, r: RunResult): BenchFigure[] {
  const check = r.storeCount === r.totalCreated && r.districtTotal === r.totalCreated;
  const others = [...r.other].map(([s, n]) => `${n}× ${s}`).join(', ') || 'none';
  if (!check) console.error(`${label}: store holds ${r.storeCount}, district counter ${r.districtTotal}, 201s ${r.totalCreated}`);
  return [
    {
      name: `${label}: sustained created events/s`,
      value: r.created / r.windowS,
      unit: 'events/s',
      note: `${fmt(r.created)} events created (acknowledged by a 201) in ${r.windowS} s after ${WARMUP_MS / 1000} s warm-up; other statuses: ${others}; machine busy before: ${fmt(r.quietBefore * 100)} % of one core`,
    },
    { name: `${label}: latency of a 201, p50`, value: r.latency201.p50, unit: 'ms' },
    { name: `${label}: latency of a 201, p99`, value: r.latency201.p99, unit: 'ms', note: `max ${fmt(r.latency201.max, 1)} ms` },
    {
      name: `${label}: server CPU`,
      value: r.cpu.server * 100,
      unit: '% of one core',
      note: `${cpuNote(r.cpu)} (% of one core over the measured window); ${probeNote(r.serverLoop)}`,
    },
    {
      name: `${label}: store count equals 201s`,
      value: check ? 1 : 0,
      unit: check ? '(yes)' : '(NO)',
      note: `store ${fmt(r.storeCount)}, district counter total ${fmt(r.districtTotal)}, 201s ${fmt(r.totalCreated)} (warm-up included); alerts the run raised: ${Object.entries(r.alerts).map(([k, n]) => `${fmt(n)} ${k}`).join(', ') || 'none'}`,
    },
  ];
}

export async function run(): Promise<BenchFigure[]> {
  const unique = await load(0);
  const figures = figuresOf('unique ids', unique);
  const retries = await load(0.1);
  figures.push(...figuresOf('10 % retries', retries));
  const dupOk = retries.duplicates === retries.retriesSent;
  figures.push({
    name: '10 % retries: retries answered 200 duplicate',
    value: retries.duplicates,
    unit: `of ${fmt(retries.retriesSent)}${dupOk ? '' : ' (NOT ALL)'}`,
    note: `${fmt((100 * retries.retriesSent) / (retries.retriesSent + retries.totalCreated), 1)} % of requests were retries`,
  });
  const batched = await load(0, BATCH);
  figures.push(...figuresOf(`batches of ${BATCH} (POST /api/events/batch, ${BATCH_CONNECTIONS} connections; latency per batch)`, batched));
  return figures;
}
