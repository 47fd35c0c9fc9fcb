import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as IoServer } from 'socket.io';
import { bbox } from '@turf/turf';
import type { Logger } from 'pino';
import type { ServerConfig } from './config';
import type { ClientToServerEvents, ServerToClientEvents } from '../shared/protocol/socketProtocol';
import { loadGeography } from './geo/loadGeography';
import { geographyPath } from './geo/geographyPath';
import { GeographyReloader } from './geo/geographyReloader';
import type { GeoContext } from './geo/geoContext';
import type { EventStore } from './store/eventStore';
import { openStores } from './store/openStores';
import { Authenticator } from './auth/authenticator';
import { requirePermission } from './auth/httpAuth';
import { WallControl } from './stream/wallControl';
import { AuditTrail } from './audit/auditTrail';
import { ensureDemoAccounts, type DemoCredentials } from './auth/demoAccounts';
import { ChangeApplier } from './events/changeApplier';
import { joinCluster, type Cluster } from './cluster/joinCluster';
import { AlertService } from './alerts/alertService';
import { loadAlertRules } from './alerts/loadAlertRules';
import { RegionAggregates } from './aggregates/regionAggregates';
import { rebuildCounters } from './aggregates/rebuildCounters';
import { EventWriter } from './events/eventWriter';
import { EventIngestion } from './events/ingestEvents';
import { OverdueWatcher } from './events/overdueWatcher';
import { loadTimeLimits } from './events/loadTimeLimits';
import { StreamHub } from './stream/streamHub';
import { createApp } from './http/createApp';
import { Simulator } from './simulator/simulator';
import { HandlingSimulator } from './simulator/handlingSimulator';
import { createEventGenerator, type SimGrid } from './simulator/eventGenerator';
import { seededRandom } from './simulator/random';
import { simClock } from './simulator/simClock';
import { startActivities } from './activities/startActivities';

export interface RunningServer {
  url: string;
  /** What the demo start created (DEMO on), to print; null otherwise. */
  demo: DemoCredentials | null;
  port: number;
  store: EventStore;
  aggregates: RegionAggregates;
  geo: GeoContext;
  close(): Promise<void>;
}

/**
 * Starts one GridPulse process: store, counters rebuilt from it, API, sockets, overdue watcher,
 * simulator. Side effects live here and in main.ts; everything it wires is testable alone.
 */
export async function startServer(config: ServerConfig, log: Logger, now: () => number = Date.now): Promise<RunningServer> {
  const limits = loadTimeLimits(config.timeLimitsFile ?? undefined);
  const geoFile = geographyPath(config.dataDir);
  const geo: GeoContext = { current: loadGeography(geoFile) };
  const h = geo.current.hierarchy;
  log.info({ file: geoFile, district: h.root.name, grids: h.byLevel('grid').length }, 'geography loaded');

  const { store, alertStore, authStore } = await openStores(config);
  const auth = new Authenticator(authStore, now);
  await auth.init();
  const audit = new AuditTrail(authStore, now, log);
  // The simulators go through the API like any client, with a token of this process's own
  // (never stored): they report events and play the departments and duty officers.
  const simHeaders = { authorization: `Bearer ${auth.issueInternal({ kind: 'client', id: 'simulator', name: '模拟数据', role: 'officer', scopeRegionId: null })}` };

  const demo = config.demo ? await ensureDemoAccounts(authStore, config.dataDir) : null;
  const rules = loadAlertRules(config.alertRulesFile ?? undefined);
  const activities = await startActivities({
    config,
    log,
    geo,
    now,
    authorize: (need) => requirePermission(({ report: 'events.report', act: 'events.act', read: 'events.read', watch: 'stream.watch' } as const)[need]),
  });

  // In a cluster, mark the feed before counting, so nothing stored meanwhile is missed.
  const cluster: Cluster | null = config.redisUrl && config.databaseUrl ? await joinCluster(config.redisUrl, config.redisKeyPrefix, log) : null;
  if (config.redisUrl && !config.databaseUrl) log.warn('REDIS_URL is set without DATABASE_URL: each process has its own embedded store, so no cluster is formed');

  const aggregates = new RegionAggregates(geo.current, now);
  const rebuilt = await rebuildCounters(store, aggregates, geo.current);
  aggregates.takeDirty();
  const seq = rebuilt.seq;
  log.info({ store: store.kind, ...rebuilt, unplaced: aggregates.unplaced }, 'counters rebuilt from the store');

  // The hub needs the socket server, which needs the HTTP server, which needs the app; the writer
  // reaches the hub through this late binding.
  let hub: StreamHub | null = null;
  const alerts = new AlertService({
    store: alertStore,
    rules,
    geo,
    aggregates,
    now,
    log,
    onAlert: (a, local) => {
      hub?.onAlert(a);
      if (local) cluster?.publishAlert(a);
    },
  });
  await alerts.start();
  const applier = new ChangeApplier(aggregates, seq);
  applier.onApplied((changes) => hub?.onCommitted(changes.map((c) => c.event)));
  // Alert rules run where the change was written; other processes hear of the alert itself.
  applier.onApplied((changes, local) => local && alerts.onChanges(changes));
  const writer = new EventWriter(store, applier);
  /** Recounts everything from the store while writes wait; returns the seq the counts hold. */
  const recount = () =>
    writer.exclusive(async () => {
      const r = await rebuildCounters(store, aggregates, geo.current);
      applier.rebuilt(r.seq);
      return r.seq;
    });
  const watcher = new OverdueWatcher(writer, now, log);
  const ingestion = new EventIngestion({ writer, geo, limits, now, onCreated: (e) => watcher.watch(e.id, Date.parse(e.deadline)) });
  const walls = new WallControl(geo, audit, log, cluster?.driveState);
  const app = createApp({
    clientDir: config.clientDir,
    walls,
    auth,
    audit,
    authStore,
    alerts,
    alertStore,
    ingestion,
    writer,
    store,
    geo,
    aggregates,
    now,
    warnAt: limits.warnAt,
    urgeMinIntervalMs: limits.urgeMinMinutes * 60_000,
    log,
    maxBodyBytes: config.maxBodyBytes,
    health: async () => ({ store: store.kind, seq: await store.latestSeq(), district: geo.current.hierarchy.root.id }),
    apiRouters: [activities.router],
  });
  // The app must be the server's request listener before Socket.io attaches: Socket.io wraps the
  // listeners present at that moment so that /socket.io/ requests never reach Express (which
  // would answer them 404 while Socket.io answers too, and the process dies on the double reply).
  const http = createServer(app);
  const io = new IoServer<ClientToServerEvents, ServerToClientEvents>(http, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
  walls.attach(io);
  hub = new StreamHub({ io, auth, walls, geo, aggregates, store, log, alerts, watermark: applier.watermark, tickMs: config.tickMs, replayLimit: config.replayLimit, panels: activities.panels, warnAt: limits.warnAt });
  hub.start();
  cluster?.start({
    io,
    applier,
    writer,
    rebuild: recount,
    onRemoteAlert: (a) => alerts.onRemote(a),
    onRemoteCreated: (id, deadline) => watcher.watch(id, deadline),
  });
  watcher.start(await store.openDeadlines());
  const reloader = new GeographyReloader({ dataDir: config.dataDir, geo, store, aggregates, writer, applier, log, onReloaded: () => hub?.geographyChanged() });
  reloader.start();

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  activities.startSimulator(url, simHeaders); // volunteers and service cards; nothing when SIMULATOR=off

  let simulator: Simulator | null = null;
  let handling: HandlingSimulator | null = null;
  if (config.simulator) {
    const random = seededRandom(config.simulatorSeed);
    const clock = simClock(config.simulatorSpeed);
    const grids: SimGrid[] = h.byLevel('grid').map((region) => ({
      region,
      bbox: bbox(geo.current.regionFeatures.get(region.id)!) as SimGrid['bbox'],
    }));
    const generator = createEventGenerator({
      grids,
      assign: (lon, lat) => geo.current.gridIndex.assign(lon, lat),
      random,
      runId: `sim-${Date.now().toString(36)}`,
    });
    handling = new HandlingSimulator({ baseUrl: url, random, log, clock, headers: simHeaders });
    // Pick up what a previous run left open, then everything newly reported.
    for (const e of await store.queryEvents({ gridIds: null, statuses: ['reported', 'accepted', 'dispatched', 'handling', 'resolved'], limit: 5000 }))
      handling.follow(e);
    const follow = handling;
    simulator = new Simulator({ baseUrl: url, next: generator.next, random, ratePerMin: config.simulatorRatePerMin, log, clock, headers: simHeaders, onStored: (e) => follow.follow(e) });
    log.info({ seed: config.simulatorSeed, speed: config.simulatorSpeed, ratePerMin: config.simulatorRatePerMin }, 'simulator on');
    simulator.start();
    handling.start();
  }

  return {
    url,
    demo,
    port,
    store,
    aggregates,
    geo,
    async close() {
      await simulator?.stop();
      handling?.stop();
      watcher.stop();
      await cluster?.close();
      reloader.stop();
      hub.stop();
      await new Promise<void>((r) => io.close(() => r()));
      await writer.drain();
      await activities.close();
      await store.close();
    },
  };
}
