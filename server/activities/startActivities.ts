import express, { Router } from 'express';
import type { Logger } from 'pino';
import type { ServerConfig } from '../config';
import type { GeoContext } from '../geo/geoContext';
import type { CounterPanel } from '../stream/streamHub';
import { seededRandom } from '../simulator/random';
import { simClock } from '../simulator/simClock';
import { VolunteerApiPath } from '../../shared/volunteers/volunteerApi';
import { ServiceCardApiPath } from '../../shared/serviceCards/serviceCardApi';
import type { ActivityStore } from './store/activityStore';
import { SqliteActivityStore } from './store/sqlite/sqliteActivityStore';
import { ActivityCounters } from './aggregates/activityCounters';
import { ActivityWriter } from './activityWriter';
import { loadActivitiesConfig } from './activitiesConfig';
import { VolunteerIngestion } from './volunteers/volunteerIngestion';
import { volunteersRouter } from './volunteers/volunteersRouter';
import { OrderIngestion } from './serviceCards/orderIngestion';
import { serviceOrdersRouter } from './serviceCards/serviceOrdersRouter';
import { regionActivitiesRouter } from './http/regionActivitiesRouter';
import { openAccess, type Authorize } from './http/authorize';
import { createActivityScenario } from './simulator/activityScenario';
import { ActivitySimulator } from './simulator/activitySimulator';

/** How often a process sharing PostgreSQL counts the other processes' changes, ms. */
const CATCH_UP_MS = 1000;

export interface ActivitiesDeps {
  config: Pick<ServerConfig, 'dataDir' | 'databaseUrl' | 'databaseSchema' | 'simulator' | 'simulatorSeed' | 'simulatorSpeed' | 'maxBodyBytes'>;
  log: Logger;
  geo: GeoContext;
  /** The clock, epoch ms. Default Date.now. */
  now?: () => number;
  /** Guards each route by what it needs (report, act, read, watch). Default: open. */
  authorize?: Authorize;
  /** Where ACTIVITY_SIM_SCALE and VOLUNTEER_POINTS_FILE are read. Default process.env. */
  env?: NodeJS.ProcessEnv;
}

export interface Activities {
  /** The volunteer and service-card API; mount under /api (its paths are relative to it). */
  router: Router;
  /** The `volunteer` and `serviceCard` counter panels, for the StreamHub (`panels`). */
  panels: CounterPanel[];
  store: ActivityStore;
  counters: ActivityCounters;
  /**
   * Starts the volunteer and service-card simulator against the server at `baseUrl`, through
   * its public API (with `headers`, e.g. an ingest token); does nothing when SIMULATOR=off.
   */
  startSimulator(baseUrl: string, headers?: Record<string, string>): void;
  /** Stops the simulator, waits for pending writes, closes the store. */
  close(): Promise<void>;
}

/**
 * The volunteer and service-card streams (issue 8) as one piece: opens their store (SQLite in
 * DATA_DIR's gridpulse.sqlite, or PostgreSQL when DATABASE_URL is set), runs its migrations,
 * rebuilds both panels' counters from it, and returns the API router, the panels and the
 * simulator to wire into the server.
 */
export async function startActivities(deps: ActivitiesDeps): Promise<Activities> {
  const { config, log, geo } = deps;
  const now = deps.now ?? Date.now;
  const settings = loadActivitiesConfig(deps.env);

  let store: ActivityStore;
  if (config.databaseUrl) {
    const { PostgresActivityStore } = await import('./store/postgres/postgresActivityStore');
    store = new PostgresActivityStore(config.databaseUrl, config.databaseSchema ? { schema: config.databaseSchema } : {});
  } else store = new SqliteActivityStore(config.dataDir);
  await store.migrate();

  // The counters hold writes while rebuilding for a new geography; the writer exists by then.
  let writer: ActivityWriter | null = null;
  const counters = new ActivityCounters({ geo, store, now, log, exclusive: (fn) => writer!.exclusive(fn) });
  const rebuilt = await counters.rebuild();
  counters.volunteer.takeDirty();
  counters.serviceCard.takeDirty();
  log.info({ store: store.kind, ...rebuilt, seq: await store.latestSeq() }, 'volunteer and service-card counters rebuilt from the store');
  writer = new ActivityWriter({ store, counters });

  const authorize = deps.authorize ?? openAccess;
  const under = (path: string) => path.replace(/^\/api/, '');
  const router = Router();
  // The app parses JSON under /api already; this only matters if mounted before it (no double parse).
  router.use(express.json({ limit: config.maxBodyBytes }));
  router.use(under(VolunteerApiPath.volunteers), volunteersRouter({ ingestion: new VolunteerIngestion({ writer, geo, now, rules: settings.rules }), store, geo, authorize }));
  router.use(under(ServiceCardApiPath.orders), serviceOrdersRouter({ ingestion: new OrderIngestion({ writer, geo, now }), store, geo, authorize }));
  router.use(regionActivitiesRouter({ geo, counters, authorize }));

  // Several processes may share a PostgreSQL store: count what the others store, every second.
  const poll = config.databaseUrl
    ? setInterval(() => void writer!.catchUp().catch((err) => log.warn({ err }, 'volunteer and service-card counters: catching up with the store failed')), CATCH_UP_MS)
    : null;

  let simulator: ActivitySimulator | null = null;
  return {
    router,
    panels: counters.panels(),
    store,
    counters,
    startSimulator(baseUrl, headers) {
      if (!config.simulator || simulator) return;
      const clock = simClock(config.simulatorSpeed);
      // Its own random stream, reproducible from SIMULATOR_SEED, apart from the event simulator's.
      const random = seededRandom((config.simulatorSeed ^ 0x5f3759df) >>> 0);
      const scenario = createActivityScenario({ hierarchy: geo.current.hierarchy, random, scale: settings.simScale, runId: `sim-${Date.now().toString(36)}`, startMs: clock.now(), warmStart: true });
      simulator = new ActivitySimulator({ baseUrl, scenario, clock, log, headers });
      simulator.start();
      log.info({ seed: config.simulatorSeed, speed: config.simulatorSpeed, scale: settings.simScale, teams: scenario.teams.length }, 'volunteer and service-card simulator on');
    },
    async close() {
      if (poll) clearInterval(poll);
      await simulator?.stop();
      await writer!.drain();
      await store.close();
    },
  };
}
