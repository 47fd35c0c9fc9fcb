import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { DEMO_FILE, type DemoCredentials } from '../../server/auth/demoAccounts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  url: string;
  /** What the demo start created: people's passwords, the wall and ingest tokens. */
  creds: DemoCredentials;
  /** A session token of the demo administrator (may do everything). */
  token: string;
  /** fetch with the administrator's token; a path is taken relative to the server. */
  fetch(input: string, init?: RequestInit): Promise<Response>;
  /** A session token for a demo person (logs in once per role). */
  login(role: 'officer' | 'leader' | 'admin'): Promise<string>;
  port: number;
  dataDir: string;
  proc: ChildProcess;
  /** Log lines the server printed (JSON, one per line). */
  logs: string[];
  /** Stops it (SIGTERM by default; SIGKILL to simulate a crash). Keeps the data folder. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Stops it and deletes the data folder. */
  dispose(): Promise<void>;
}

/**
 * Starts the real server (server/main.ts) as one child process on a free port, with its own
 * data folder, and resolves once it listens. The simulator is off unless the env turns it on.
 */
export async function startServerProcess(opts: { env?: Record<string, string>; dataDir?: string } = {}): Promise<ServerProcess> {
  // A test server uses the embedded store unless the test passes DATABASE_URL itself: CI's
  // DATABASE_URL must not make every suite share one PostgreSQL database.
  const { DATABASE_URL: _db, DATABASE_SCHEMA: _schema, REDIS_URL: _redis, REDIS_KEY_PREFIX: _prefix, ...inherited } = process.env;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'gridpulse-test-'));
  // `node --import tsx`, not the tsx binary: that runs the server in a grandchild, which a
  // SIGKILL of the child would leave running.
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SIMULATOR: 'off', LOG_LEVEL: 'info', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  let stderr = '';
  proc.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s\n${logs.join('\n')}\n${stderr}`)), 30_000);
    proc.stdout!.on('data', (b: Buffer) => {
      buf += b.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        logs.push(line);
        try {
          const rec = JSON.parse(line) as { msg?: string; port?: number };
          if (rec.msg === 'GridPulse listening' && rec.port) {
            clearTimeout(timer);
            resolve(rec.port);
          }
        } catch {
          /* not JSON: ignore */
        }
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening\n${logs.join('\n')}\n${stderr}`));
    });
  });
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    proc.kill(signal);
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  const creds = JSON.parse(readFileSync(join(dataDir, DEMO_FILE), 'utf8')) as DemoCredentials;
  const sessions = new Map<string, string>();
  const login = async (role: 'officer' | 'leader' | 'admin') => {
    const held = sessions.get(role);
    if (held) return held;
    const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(creds[role]) });
    if (!res.ok) throw new Error(`demo ${role} could not log in: ${res.status} ${await res.text()}`);
    const token = ((await res.json()) as { token: string }).token;
    sessions.set(role, token);
    return token;
  };
  const token = await login('admin');
  return {
    url,
    creds,
    token,
    login,
    fetch(input, init = {}) {
      const headers = new Headers(init.headers);
      if (!headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
      return fetch(input.startsWith('/') ? url + input : input, { ...init, headers });
    },
    port,
    dataDir,
    proc,
    logs,
    stop,
    async dispose() {
      await stop();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
