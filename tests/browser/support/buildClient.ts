import { join } from 'node:path';
import { build } from 'vite';
import { REPO_ROOT } from '../../support/serverProcess';

/** Where the browser tests' client is built, apart from dist/client (a running server's). */
export const BROWSER_CLIENT_DIR = join(REPO_ROOT, '.tmp', 'browser-client');

/** Vitest global setup: builds the client into BROWSER_CLIENT_DIR, which the servers under test serve (CLIENT_DIR). */
export default async function buildClient(): Promise<void> {
  await build({
    root: join(REPO_ROOT, 'client'),
    configFile: join(REPO_ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: BROWSER_CLIENT_DIR, emptyOutDir: true },
  });
}
