import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BROWSER_CLIENT_DIR } from './support/buildClient';

/**
 * Browser tests: the built client served by the real server, driven in Debian's Chromium
 * (/usr/bin/chromium, never a downloaded browser) through playwright-core. `npm run test:browser`.
 * The global setup builds the client first, into .tmp/browser-client, which the servers under
 * test serve (CLIENT_DIR): a running `npm start` keeps its own dist/client.
 */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/support/buildClient.ts'],
    env: { CLIENT_DIR: BROWSER_CLIENT_DIR },
    // One Chromium and one server at a time: the machine has few cores, and timings matter.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
