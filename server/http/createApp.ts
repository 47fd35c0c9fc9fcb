import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { ApiPath } from '../../shared/protocol/socketProtocol';
import type { EventIngestion } from '../events/ingestEvents';
import type { GeoContext } from '../geo/geoContext';
import { eventsRouter } from './eventsRouter';
import { errorHandler } from './errorHandler';
import { staticClient } from './staticClient';

export interface AppDeps {
  ingestion: EventIngestion;
  geo: GeoContext;
  log: Logger;
  maxBodyBytes: number;
  health: () => Promise<Record<string, unknown>>;
}

/** The Express app: REST API under /api, the built client everywhere else. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(ApiPath.events, express.json({ limit: deps.maxBodyBytes }), eventsRouter(deps.ingestion));
  app.get(ApiPath.geography, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json(deps.geo.current.collection);
  });
  app.get(ApiPath.health, async (_req, res, next) => {
    try {
      res.json({ ok: true, ...(await deps.health()) });
    } catch (err) {
      next(err);
    }
  });
  app.use('/api', (_req, res) => res.status(404).json({ error: 'not_found', message: 'no such API route' }));
  app.use(staticClient());
  app.use(errorHandler(deps.log));
  return app;
}
