import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AuthStore } from './authStore';
import { hashPassword } from './passwords';
import { newApiToken } from './apiTokens';

/** What the demo start creates, kept (mode 0600) in DATA_DIR so every start can print it. */
export interface DemoCredentials {
  officer: { username: string; password: string };
  leader: { username: string; password: string };
  admin: { username: string; password: string };
  /** Token of the demo wall screen (viewer, whole district). */
  wallToken: string;
  /** Token of a demo integrating system (ingest). */
  ingestToken: string;
}

export const DEMO_FILE = 'demo-credentials.json';

/**
 * For the demo start (DEMO on): when the store has no users yet, creates a duty officer, a
 * leader, an administrator and a wall screen with random passwords/tokens, and writes them to
 * DATA_DIR/demo-credentials.json. Returns them (also on later starts), or null when the store
 * already had users that this did not create.
 */
export async function ensureDemoAccounts(store: AuthStore, dataDir: string): Promise<DemoCredentials | null> {
  const file = join(dataDir, DEMO_FILE);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DemoCredentials;
  if ((await store.listUsers()).length > 0) return null;
  try {
    return await createDemoAccounts(store, file);
  } catch (err) {
    // Another process sharing the database created them first (a cluster's first start).
    if ((await store.getUser('demo-admin')) !== null) return null;
    throw err;
  }
}

async function createDemoAccounts(store: AuthStore, file: string): Promise<DemoCredentials> {
  const password = () => randomBytes(9).toString('base64url');
  const creds: DemoCredentials = {
    officer: { username: 'demo-officer', password: password() },
    leader: { username: 'demo-leader', password: password() },
    admin: { username: 'demo-admin', password: password() },
    wallToken: '',
    ingestToken: '',
  };
  await store.addUser({ username: creds.officer.username, displayName: '演示值班员', role: 'officer', scopeRegionId: null, passwordHash: await hashPassword(creds.officer.password), disabled: false });
  await store.addUser({ username: creds.leader.username, displayName: '演示领导', role: 'leader', scopeRegionId: null, passwordHash: await hashPassword(creds.leader.password), disabled: false });
  await store.addUser({ username: creds.admin.username, displayName: '演示管理员', role: 'admin', scopeRegionId: null, passwordHash: await hashPassword(creds.admin.password), disabled: false });
  const wall = newApiToken();
  await store.addToken({ id: 'demo-wall', name: '指挥大厅主屏', role: 'viewer', scopeRegionId: null, hash: wall.hash });
  const ingest = newApiToken();
  await store.addToken({ id: 'demo-ingest', name: '演示接入系统', role: 'ingest', scopeRegionId: null, hash: ingest.hash });
  creds.wallToken = wall.token;
  creds.ingestToken = ingest.token;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(creds, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return creds;
}
