import { join } from 'node:path';
import { build } from 'vite';
import { REPO_ROOT } from '../../support/serverProcess';

/** Vitest global setup: builds the client into dist/client, which the server under test serves. */
export default async function buildClient(): Promise<void> {
  await build({ root: join(REPO_ROOT, 'client'), configFile: join(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn' });
}
