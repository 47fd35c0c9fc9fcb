import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiPath } from '../../../shared/protocol/socketProtocol';

/** Request headers for the server under test, as far as its demo start created credentials. */
export interface DemoAuth {
  /** The demo wall screen's token (opens the wall as `?screen=`), null without demo accounts. */
  wallToken: string | null;
  /** Headers to report events with (the demo ingest token). */
  ingest: Record<string, string>;
  /** Headers to move events along the closed loop (the demo duty officer's session). */
  officer: Record<string, string>;
}

/**
 * Reads what the server's demo start wrote to its data folder (demo-credentials.json, DEMO on,
 * the default) and logs the duty officer in. A server without it (older, or DEMO=off) gets
 * plain requests, which is all it asks for.
 */
export async function demoAuth(baseUrl: string, dataDir: string): Promise<DemoAuth> {
  const file = join(dataDir, 'demo-credentials.json');
  const json = { 'content-type': 'application/json' };
  if (!existsSync(file)) return { wallToken: null, ingest: json, officer: json };
  const creds = JSON.parse(readFileSync(file, 'utf8')) as {
    wallToken: string;
    ingestToken: string;
    officer: { username: string; password: string };
  };
  const res = await fetch(`${baseUrl}${ApiPath.auth}/login`, { method: 'POST', headers: json, body: JSON.stringify(creds.officer) });
  if (!res.ok) throw new Error(`demo officer log-in: HTTP ${res.status} ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  return {
    wallToken: creds.wallToken,
    ingest: { ...json, authorization: `Bearer ${creds.ingestToken}` },
    officer: { ...json, authorization: `Bearer ${token}` },
  };
}
