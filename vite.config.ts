import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The client lives in client/, is built into dist/client and served by the Express server
// (server/http/staticClient.ts). `npm run dev` proxies API and socket traffic to the server.
export default defineConfig({
  root: 'client',
  publicDir: '../public',
  plugins: [vue()],
  build: { outDir: '../dist/client', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'ws://localhost:3000', ws: true },
    },
  },
  test: {
    root: '.',
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/browser/**', 'node_modules/**'],
    testTimeout: 20000,
    hookTimeout: 30000,
  },
} as Parameters<typeof defineConfig>[0]);
