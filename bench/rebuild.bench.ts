/**
 * Restart rebuild: the real server's start-up over an embedded store holding 1,000,000 events.
 *
 * Fill: a temp DATA_DIR's SQLite store through SqliteEventStore.apply() in batches of 1,000
 * commands: 1,000,000 creates over the demo grids, reported over the last 7 days (in report
 * order), with deadlines from config/time-limits.json, then moved along the closed loop through
 * transitions as a centre would: ~10 % closed (accept → dispatch → start → resolve → close, a
 * fifth of them after their deadline), ~3 % rejected, ~5 % accepted or dispatched, and every
 * event still open past its deadline marked overdue (as the running server's watcher would have,
 * so that start-up is not a burst of overdue marks).
 *
 * Measured: the server (server/main.ts) as a child process, from spawn to its "GridPulse
 * listening" log line, and the `ms` of its "counters rebuilt from the store" line; the same for
 * an empty store (fixed costs: Node, tsx, geography). Each start runs twice (page cache warm: the
 * fill just wrote the file). Then one street's and one community's counters from
 * GET /api/regions/:id are checked against a recount in SQL on the same file.
 *
 * DESIGN target: rebuild aggregates from 1,000,000 stored events ≤ 10 s.
 * Run: `npx tsx bench/run.ts rebuild`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CATEGORY_CODES, SOURCE_CODES, type Severity } from '../shared/events/categories';
import { deadlineMs } from '../shared/events/timeLimits';
import { dayStart } from '../shared/time/dayStart';
import { seededRandom } from '../shared/random/seededRandom';
import type { RegionCounters } from '../shared/aggregates/regionCounters';
import type { Action } from '../shared/events/eventLifecycle';
import { loadTimeLimits } from '../server/events/loadTimeLimits';
import type { StoreCommand } from '../server/store/eventStore';
import { SqliteEventStore } from '../server/store/sqlite/sqliteEventStore';
import { ApiPath } from '../shared/protocol/socketProtocol';
import { demoGrids } from '../tests/support/demoPoints';
import { startServerProcess, type ServerProcess } from '../tests/support/serverProcess';
import { getJson } from './support/httpClient';
import { fmt } from './support/stats';
import { waitForQuietMachine } from './support/procCpu';
import type { BenchFigure } from './run';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const BATCH = 1_000;
const DAYS = 7;
const HOUR = 3600_000;
const STARTS = 2;

interface FillStats {
  seconds: number;
  commands: number;
  closed: number;
  rejected: number;
  inProgress: number;
  overdue: number;
}

async function fill(dataDir: string, nowMs: number): Promise<FillStats> {
  const grids = demoGrids();
  const limits = loadTimeLimits();
  const random = seededRandom(20261125); // every run stores the same history
  const store = new SqliteEventStore(dataDir);
  await store.migrate();
  const stats: FillStats = { seconds: 0, commands: 0, closed: 0, rejected: 0, inProgress: 0, overdue: 0 };
  const t0 = performance.now();
  let batch: StoreCommand[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const out = await store.apply(batch);
    const bad = out.find((o) => o.type === 'refused' || o.type === 'not_found' || o.type === 'duplicate');
    if (bad) throw new Error(`fill: unexpected outcome ${JSON.stringify(bad).slice(0, 300)}`);
    stats.commands += batch.length;
    batch = [];
  };
  const span = DAYS * 24 * HOUR - 60_000;
  const move = (eventId: string, action: Action, atMs: number): StoreCommand => ({
    type: 'transition',
    eventId,
    action,
    actor: 'bench',
    note: '',
    unit: action === 'dispatch' ? '城管执法局' : null,
    atMs,
  });
  try {
    for (let n = 0; n < EVENTS; n++) {
      const g = grids[Math.floor(random() * grids.length)];
      const reportedAtMs = Math.round(nowMs - DAYS * 24 * HOUR + (n / EVENTS) * span + random() * 1000);
      const r = random();
      const severity: Severity = r < 0.03 ? 'critical' : r < 0.23 ? 'urgent' : 'normal';
      const category = CATEGORY_CODES[Math.floor(random() * CATEGORY_CODES.length)];
      const id = `rb-${n}`;
      const deadline = deadlineMs(limits, category, severity, reportedAtMs);
      const cmds: StoreCommand[] = [
        {
          type: 'create',
          record: {
            id,
            category,
            severity,
            source: SOURCE_CODES[Math.floor(random() * SOURCE_CODES.length)],
            lon: g.lon + (random() - 0.5) * 1e-5,
            lat: g.lat + (random() - 0.5) * 1e-5,
            gridId: g.id,
            description: `井盖缺失，请尽快处置 #${n}`,
            reportedAtMs,
            receivedAtMs: reportedAtMs + Math.floor(random() * 3000),
            deadlineMs: deadline,
            actor: 'bench',
            reporter: random() < 0.3 ? { name: '张三', phone: '13800001234' } : null,
          },
        },
      ];
      const fate = random();
      const allowed = deadline - reportedAtMs;
      if (fate < 0.1) {
        // Closed: most on time, a fifth late; only if that moment has passed.
        const closeAt = reportedAtMs + allowed * (fate < 0.02 ? 1.1 + random() : 0.2 + 0.7 * random());
        if (closeAt < nowMs) {
          const step = (closeAt - reportedAtMs) / 5;
          (['accept', 'dispatch', 'start', 'resolve', 'close'] as Action[]).forEach((a, i) => cmds.push(move(id, a, Math.round(reportedAtMs + step * (i + 1)))));
          if (closeAt > deadline) cmds.splice(cmds.length - 1, 0, { type: 'markOverdue', eventId: id, atMs: deadline });
          stats.closed++;
        }
      } else if (fate < 0.13) {
        cmds.push(move(id, 'reject', reportedAtMs + 600_000));
        stats.rejected++;
      } else if (fate < 0.18) {
        cmds.push(move(id, 'accept', reportedAtMs + 300_000));
        if (fate < 0.155) cmds.push(move(id, 'dispatch', reportedAtMs + 900_000));
        stats.inProgress++;
      }
      const final = cmds.some((c) => c.type === 'transition' && (c.action === 'close' || c.action === 'reject'));
      if (!final && deadline < nowMs) {
        cmds.push({ type: 'markOverdue', eventId: id, atMs: deadline });
        stats.overdue++;
      }
      if (batch.length + cmds.length > BATCH) await flush();
      batch.push(...cmds);
    }
    await flush();
  } finally {
    await store.close();
  }
  stats.seconds = (performance.now() - t0) / 1000;
  return stats;
}

interface StartFigures {
  listeningMs: number;
  rebuildMs: number;
  events: number;
}

async function start(dataDir: string): Promise<{ server: ServerProcess; figures: StartFigures }> {
  const spawnedAt = Date.now(); // startServerProcess spawns at once
  const server = await startServerProcess({ dataDir, env: { SIMULATOR: 'off' } });
  const lines = server.logs.map((l) => JSON.parse(l) as { msg?: string; ms?: number; events?: number; time?: number });
  const rebuilt = lines.find((l) => l.msg === 'counters rebuilt from the store');
  const listening = lines.find((l) => l.msg === 'GridPulse listening');
  if (!rebuilt || rebuilt.ms === undefined) throw new Error(`no "counters rebuilt" line with ms in ${server.logs.join('\n')}`);
  if (!listening?.time) throw new Error('no time on the "GridPulse listening" line');
  // From the log line's own time (pino: epoch ms), not from when the helper returned (it logs in first).
  return { server, figures: { listeningMs: listening.time - spawnedAt, rebuildMs: rebuilt.ms, events: rebuilt.events ?? NaN } };
}

/** The scalar counters (the mixes by category and source are not recounted here). */
type Counters = Omit<RegionCounters, 'todayByCategory' | 'todayBySource'>;

/** The counters of `gridIds` recounted in SQL from the same file (the rules of regionCounters.ts). */
function recount(dataDir: string, gridIds: string[], nowMs: number): Counters {
  const db = new Database(join(dataDir, 'gridpulse.sqlite'), { readonly: true });
  try {
    const today = dayStart(nowMs);
    return db
      .prepare(
        `SELECT COUNT(*) AS total,
           SUM(reported_at >= @today) AS today,
           SUM(status NOT IN ('closed', 'rejected')) AS open,
           SUM(status NOT IN ('closed', 'rejected') AND overdue_at IS NOT NULL) AS overdue,
           SUM(status = 'closed') AS closed,
           SUM(status = 'rejected') AS rejected,
           SUM(status = 'closed' AND COALESCE(closed_at, reported_at) >= @today) AS closedToday,
           SUM(status = 'closed' AND COALESCE(closed_at, reported_at) <= deadline_at) AS closedOnTime,
           SUM(CASE WHEN status = 'closed' THEN COALESCE(closed_at, reported_at) - reported_at ELSE 0 END) AS handlingMsSum
         FROM events WHERE grid_id IN (SELECT value FROM json_each(@grids))`,
      )
      .get({ today, grids: JSON.stringify(gridIds) }) as Counters;
  } finally {
    db.close();
  }
}

const KEYS: (keyof Counters)[] = ['total', 'today', 'open', 'overdue', 'closed', 'rejected', 'closedToday', 'closedOnTime', 'handlingMsSum'];

export async function run(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const emptyDir = mkdtempSync(join(tmpdir(), 'gp-bench-rebuild-empty-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'gp-bench-rebuild-'));
  let server: ServerProcess | null = null;
  try {
    // Fixed costs: the same start over an empty store.
    const empty: StartFigures[] = [];
    for (let i = 0; i < STARTS; i++) {
      const s = await start(emptyDir);
      server = s.server;
      await server.stop();
      server = null;
      empty.push(s.figures);
    }

    const nowMs = Date.now();
    const f = await fill(dataDir, nowMs);
    figures.push({
      name: `fill: ${fmt(EVENTS)} events through apply(), batches of ${fmt(BATCH)} commands`,
      value: f.seconds,
      unit: 's',
      note: `${fmt(f.commands)} commands (${fmt(f.commands / f.seconds)}/s): ${fmt(f.closed)} closed, ${fmt(f.rejected)} rejected, ${fmt(f.inProgress)} in progress, ${fmt(f.overdue)} open and overdue`,
    });

    const quiet = await waitForQuietMachine();
    const full: StartFigures[] = [];
    const grids = demoGrids();
    const street = grids[0].streetId;
    const community = grids[Math.floor(grids.length / 2)].communityId;
    let mismatches: string[] = [];
    for (let i = 0; i < STARTS; i++) {
      const s = await start(dataDir);
      server = s.server;
      full.push(s.figures);
      if (i === 0) {
        for (const [regionId, gridIds] of [
          [street, grids.filter((g) => g.streetId === street).map((g) => g.id)],
          [community, grids.filter((g) => g.communityId === community).map((g) => g.id)],
        ] as const) {
          const api = await getJson<{ counters: Counters }>(`${server.url}${ApiPath.regions}/${regionId}`, { authorization: `Bearer ${server.token}` });
          const sql = recount(dataDir, [...gridIds], Date.now());
          const diff = KEYS.filter((k) => Number(api.counters[k]) !== Number(sql[k] ?? 0)).map((k) => `${regionId}.${k}: api ${api.counters[k]} sql ${sql[k]}`);
          mismatches = mismatches.concat(diff);
          figures.push({
            name: `counters of ${regionId} equal a SQL recount`,
            value: diff.length === 0 ? 1 : 0,
            unit: diff.length === 0 ? '(yes)' : '(NO)',
            note: `total ${fmt(sql.total)}, open ${fmt(sql.open)}, overdue ${fmt(sql.overdue)}, closed ${fmt(sql.closed)} (on time ${fmt(sql.closedOnTime)}), rejected ${fmt(sql.rejected)}, today ${fmt(sql.today)}${diff.length ? `; differs: ${diff.join('; ')}` : ''}`,
          });
        }
      }
      await server.stop();
      server = null;
    }
    const range = (xs: number[]) => `${xs.map((x) => fmt(x)).join(', ')} ms`;
    figures.push(
      {
        name: `rebuild of ${fmt(full[0].events)} events ("counters rebuilt" ms)`,
        value: Math.max(...full.map((x) => x.rebuildMs)) / 1000,
        unit: 's (worst of starts)',
        note: `starts: ${range(full.map((x) => x.rebuildMs))}; target ≤ 10 s; empty store: ${range(empty.map((x) => x.rebuildMs))}; machine busy before: ${fmt(quiet.busyCores * 100)} % of one core`,
      },
      {
        name: `spawn to "GridPulse listening", ${fmt(full[0].events)} events`,
        value: Math.max(...full.map((x) => x.listeningMs)) / 1000,
        unit: 's (worst of starts)',
        note: `starts: ${range(full.map((x) => x.listeningMs))}; empty store: ${range(empty.map((x) => x.listeningMs))}`,
      },
    );
    if (mismatches.length) console.error(`rebuild: counters differ from the SQL recount:\n${mismatches.join('\n')}`);
    return figures;
  } finally {
    if (server) await server.stop('SIGKILL').catch(() => undefined);
    rmSync(emptyDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}
