import express, { type Express, type Router } from 'express';
import type { Logger } from 'pino';
import { ApiPath } from '../../shared/protocol/socketProtocol';
import type { RegionAggregates } from '../aggregates/regionAggregates';
import { eventsRouter, type EventsRouterDeps } from './eventsRouter';
import { regionsRouter } from './regionsRouter';
import { alertsRouter } from './alertsRouter';
import type { AlertService } from '../alerts/alertService';
import type { AlertStore } from '../alerts/alertStore';
import { openApiDocument } from './openApiDocument';
import { errorHandler } from './errorHandler';
import { staticClient } from './staticClient';
import { authRouter, auditRouter } from './authRouter';
import { identify, requirePermission } from '../auth/httpAuth';
import { who } from '../auth/access';
import type { WallControl } from '../stream/wallControl';
import type { Authenticator } from '../auth/authenticator';
import type { AuthStore } from '../auth/authStore';
import type { AuditTrail } from '../audit/auditTrail';

export interface AppDeps extends EventsRouterDeps {
  auth: Authenticator;
  walls: WallControl;
  audit: AuditTrail;
  authStore: AuthStore;
  alerts: AlertService;
  alertStore: AlertStore;
  aggregates: RegionAggregates;
  log: Logger;
  maxBodyBytes: number;
  health: () => Promise<Record<string, unknown>>;
  /** The built client to serve (config CLIENT_DIR). */
  clientDir?: string;
  /** Further API routers mounted under /api (the volunteer and service-card streams). */
  apiRouters?: readonly Router[];
}

/** The Express app: REST API under /api, the built client everywhere else. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use('/api', express.json({ limit: deps.maxBodyBytes }));
  app.use('/api', identify(deps.auth));
  app.use(ApiPath.auth, authRouter({ auth: deps.auth, audit: deps.audit }));
  app.use(ApiPath.audit, auditRouter(deps.authStore));
  app.use(ApiPath.events, eventsRouter(deps));
  app.use(ApiPath.regions, regionsRouter(deps.geo, deps.aggregates));
  app.use(ApiPath.alerts, alertsRouter({ alerts: deps.alerts, store: deps.alertStore, geo: deps.geo, audit: deps.audit }));
  app.get(ApiPath.walls, requirePermission('wall.drive'), async (_req, res) => {
    res.json({ walls: await deps.walls.list(who(res)) });
  });
  const openApi = openApiDocument('1');
  app.get(ApiPath.openApi, (_req, res) => res.json(openApi));
  app.get(ApiPath.geography, requirePermission('stream.watch'), (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json(deps.geo.current.collection);
  });
  app.get(ApiPath.health, async (_req, res) => {
    res.json({ ok: true, ...(await deps.health()) });
  });
  for (const r of deps.apiRouters ?? []) app.use('/api', r);
  app.use('/api', (_req, res) => res.status(404).json({ error: 'not_found', message: 'no such API route' }));
  app.use(staticClient(deps.clientDir));
  app.use(errorHandler(deps.log));
  return app;
}
