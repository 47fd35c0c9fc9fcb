import express, { type Router } from 'express';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Where `vite build` puts the client (CLIENT_DIR may point elsewhere). */
export const CLIENT_DIST = fileURLToPath(new URL('../../dist/client', import.meta.url));

/** Serves the built client in `dir`; every non-API page path gets index.html (the client routes). */
export function staticClient(dir: string = CLIENT_DIST): Router {
  const r = express.Router();
  const index = join(dir, 'index.html');
  r.use(express.static(dir, { index: false, maxAge: '1h' }));
  r.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => {
    if (!existsSync(index)) return res.status(503).type('text/plain; charset=utf-8').send('Client not built: run `npm run build` (npm start does it).');
    res.setHeader('Cache-Control', 'no-cache');
    // Relative to `root`: send refuses an absolute path with a dot-folder in it (.tmp/browser-client).
    res.sendFile('index.html', { root: dir });
  });
  return r;
}
