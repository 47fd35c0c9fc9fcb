import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startServerProcess, type ServerProcess } from '../../tests/support/serverProcess';
import { SqliteEventStore } from '../../server/store/sqlite/sqliteEventStore';

/**
 * The real server (server/main.ts) in its own process with the embedded store in a temp folder
 * and the simulator off, so that its CPU is apart from the load generator's (both still share
 * this machine's cores).
 */
export async function startGridPulse(env: Record<string, string> = {}, dataDir?: string): Promise<ServerProcess> {
  return startServerProcess({ env: { SIMULATOR: 'off', ...env }, ...(dataDir ? { dataDir } : {}) });
}

/** Headers of the demo ingest client (an API token with the ingest role), as an integrating system sends. */
export function ingestHeaders(server: ServerProcess): Record<string, string> {
  return { authorization: `Bearer ${server.creds.ingestToken}` };
}

/** Headers of the demo administrator's session (for reads: regions, alerts). */
export function adminHeaders(server: ServerProcess): Record<string, string> {
  return { authorization: `Bearer ${server.token}` };
}

/**
 * Stops the server (SIGTERM: it drains its write queue), counts the stored events (and alerts,
 * by kind, when the store has them), deletes the data folder.
 */
export async function stopAndCount(server: ServerProcess): Promise<{ events: number; alerts: Record<string, number> }> {
  await server.stop();
  const store = new SqliteEventStore(server.dataDir);
  try {
    const events = await store.countEvents(null);
    const db = new Database(join(server.dataDir, 'gridpulse.sqlite'), { readonly: true });
    let alerts: Record<string, number> = {};
    try {
      const rows = db.prepare('SELECT kind, COUNT(*) AS n FROM alerts GROUP BY kind').all() as { kind: string; n: number }[];
      alerts = Object.fromEntries(rows.map((r) => [r.kind, r.n]));
    } catch {
      /* no alerts table */
    } finally {
      db.close();
    }
    return { events, alerts };
  } finally {
    await store.close();
    rmSync(server.dataDir, { recursive: true, force: true });
  }
}

/**
 * Stops the server if it still runs (SIGTERM, then SIGKILL after 10 s) and removes its data
 * folder (for `finally` blocks).
 */
export async function cleanUp(server: ServerProcess | null): Promise<void> {
  if (!server) return;
  const kill = setTimeout(() => void server.stop('SIGKILL').catch(() => undefined), 10_000);
  await server.stop('SIGTERM').catch(() => undefined);
  clearTimeout(kill);
  rmSync(server.dataDir, { recursive: true, force: true });
}
