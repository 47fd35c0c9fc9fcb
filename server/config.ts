import { resolve } from 'node:path';
import { CLIENT_DIST } from './http/staticClient';

/** Everything the server reads from its environment, with the defaults a newcomer gets. */
export interface ServerConfig {
  /** HTTP port for the client, the API and Socket.io. Default 3000. */
  port: number;
  /** Interface to listen on. Default 0.0.0.0 (a wall screen is another machine). */
  host: string;
  /** Folder for the embedded store and an imported geography. Default ./data. */
  dataDir: string;
  /** PostgreSQL URL; when set it replaces the embedded store. */
  databaseUrl: string | null;
  /** PostgreSQL schema for GridPulse's tables (must exist); default: the connection's search_path. */
  databaseSchema: string | null;
  /** Redis URL; when set (with DATABASE_URL), server processes share changes and socket rooms through it. */
  redisUrl: string | null;
  /** Prefix of GridPulse's Redis keys, so several deployments can share one Redis. Default gridpulse. */
  redisKeyPrefix: string;
  /** Demo start (default on): creates demo accounts and a wall token on an empty store. DEMO=off for production. */
  demo: boolean;
  /** Built-in event simulator on (default) or off (SIMULATOR=off). */
  simulator: boolean;
  /** Simulated events per minute at the daily peak. Default 12 (≈ 9,000 a day). */
  simulatorRatePerMin: number;
  /** Seed of the simulators' random source, for reproducible runs; default: from the clock. */
  simulatorSeed: number;
  /** Time acceleration: a simulated day passes in 24 h / speed. Default 1. */
  simulatorSpeed: number;
  /** How often coalesced deltas go to screens, ms. Default 500. */
  tickMs: number;
  /** Most changes a reconnecting screen is caught up with before it gets a snapshot. Default 5,000. */
  replayLimit: number;
  /** Largest accepted JSON body, bytes. Default 64 KiB. */
  maxBodyBytes: number;
  logLevel: string;
  /** The time-limits file; default config/time-limits.json. */
  timeLimitsFile: string | null;
  /** The alert-rules file; default config/alert-rules.json. */
  alertRulesFile: string | null;
  /** The built client to serve; default dist/client (what `npm run build` makes). */
  clientDir: string;
}

function intFrom(env: NodeJS.ProcessEnv, name: string, dflt: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return n;
}

/** Reads the configuration; throws naming the variable when one is malformed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const sim = (env.SIMULATOR ?? 'on').toLowerCase();
  if (!['on', 'off', '1', '0', 'true', 'false'].includes(sim)) throw new Error(`SIMULATOR must be on or off, got "${env.SIMULATOR}"`);
  const demo = (env.DEMO ?? 'on').toLowerCase();
  if (!['on', 'off'].includes(demo)) throw new Error(`DEMO must be on or off, got "${env.DEMO}"`);
  return {
    demo: demo === 'on',
    port: intFrom(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || null,
    databaseSchema: env.DATABASE_SCHEMA || null,
    redisUrl: env.REDIS_URL || null,
    redisKeyPrefix: env.REDIS_KEY_PREFIX || 'gridpulse',
    simulator: ['on', '1', 'true'].includes(sim),
    simulatorRatePerMin: intFrom(env, 'SIMULATOR_RATE', 12, 1, 600_000),
    simulatorSeed: intFrom(env, 'SIMULATOR_SEED', Date.now() % 2 ** 31, 0, 2 ** 31 - 1),
    simulatorSpeed: intFrom(env, 'SIMULATOR_SPEED', 1, 1, 10_000),
    tickMs: intFrom(env, 'TICK_MS', 500, 50, 10_000),
    replayLimit: intFrom(env, 'STREAM_REPLAY_LIMIT', 5000, 0, 1_000_000),
    maxBodyBytes: intFrom(env, 'MAX_BODY_BYTES', 64 * 1024, 1024, 16 * 1024 * 1024),
    logLevel: env.LOG_LEVEL || 'info',
    timeLimitsFile: env.TIME_LIMITS_FILE ? resolve(env.TIME_LIMITS_FILE) : null,
    alertRulesFile: env.ALERT_RULES_FILE ? resolve(env.ALERT_RULES_FILE) : null,
    clientDir: env.CLIENT_DIR ? resolve(env.CLIENT_DIR) : CLIENT_DIST,
  };
}
