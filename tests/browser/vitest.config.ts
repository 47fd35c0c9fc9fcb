import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Browser tests: the built client served by the real server, driven in Debian's Chromium
 * (/usr/bin/chromium, never a downloaded browser) through playwright-core. `npm run test:browser`.
 * The global setup builds the client first (the server serves dist/client).
 */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/support/buildClient.ts'],
    // One Chromium and one server at a time: the machine has few cores, and timings matter.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
