import express from 'express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { staticClient } from './staticClient';

let server: Server | null = null;
let root: string | null = null;

async function serve(dir: string): Promise<string> {
  const app = express();
  app.use(staticClient(dir));
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
  if (root) rmSync(root, { recursive: true, force: true });
  root = null;
});

describe('staticClient', () => {
  // The browser tests build into .tmp/browser-client: every page path answered 404 there, because
  // send refuses an absolute path that has a dot-folder in it.
  it('serves index.html for page paths from a client folder under a dot-folder', async () => {
    root = mkdtempSync(join(tmpdir(), 'gp-static-'));
    const dir = join(root, '.tmp', 'browser-client');
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>wall</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    const url = await serve(dir);

    for (const path of ['/', '/console', '/tablet/anything']) {
      const res = await fetch(url + path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('<title>wall</title>');
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
    expect((await fetch(`${url}/assets/app.js`)).status).toBe(200);
  });

  it('says the client is not built (503) when the folder has no index.html', async () => {
    root = mkdtempSync(join(tmpdir(), 'gp-static-'));
    const url = await serve(join(root, 'missing'));
    const res = await fetch(`${url}/console`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
  });
});
