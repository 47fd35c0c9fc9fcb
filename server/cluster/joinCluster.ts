import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Logger } from 'pino';
import type { Alert } from '../../shared/alerts/alert';
import type { ChangeApplier } from '../events/changeApplier';
import type { EventWriter } from '../events/eventWriter';
import type { IoServer } from '../stream/streamHub';
import { RedisChangeFeed, type ClusterMessage } from './redisChangeFeed';
import { RedisDriveState } from './redisDriveState';
import type { DriveState } from '../stream/driveState';

/** What the cluster needs of this process, once it is wired (after the start-up rebuild). */
export interface ClusterDeps {
  io: IoServer;
  applier: ChangeApplier;
  writer: EventWriter;
  /** Recounts everything from the store (under the writer's lock) and returns the seq it holds. */
  rebuild: () => Promise<number>;
  /** Told of a remote process's alert. */
  onRemoteAlert: (a: Alert) => void;
  /** Told of each event another process created (the overdue watcher). */
  onRemoteCreated: (eventId: string, deadlineMs: number) => void;
  /** How long a hole in the seqs may stay before the counters are rebuilt, ms. */
  stallMs?: number;
}

export interface Cluster {
  node: string;
  /** Starts exchanging changes, reading on from where the feed stood at joinCluster. */
  start(deps: ClusterDeps): void;
  publishAlert(a: Alert): void;
  /** Push-to-wall drive state, shared by every process. */
  driveState: DriveState;
  close(): Promise<void>;
}

/**
 * Joins this process to the others sharing the PostgreSQL store: publishes what it stores,
 * applies what they store, and lets Socket.io reach screens on every process (Redis adapter).
 * Call BEFORE the start-up rebuild: it marks where in the feed to read on from, so nothing
 * stored while the counters are being rebuilt is missed (what the rebuild already holds is
 * skipped by seq). Then `start` once the process is wired.
 */
export async function joinCluster(redisUrl: string, keyPrefix: string, log: Logger): Promise<Cluster> {
  const node = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const feed = new RedisChangeFeed(redisUrl, `${keyPrefix}:changes`, node, log);
  await feed.connect();
  const readFrom = await feed.lastId();
  const pub = createClient({ url: redisUrl });
  const sub = pub.duplicate();
  const kv = pub.duplicate();
  for (const c of [pub, sub, kv]) c.on('error', (err) => log.warn({ err: String(err) }, 'redis connection error'));
  await Promise.all([pub.connect(), sub.connect(), kv.connect()]);
  let stallCheck: NodeJS.Timeout | null = null;

  const start = (deps: ClusterDeps) => {
  deps.applier.onApplied((changes, local) => {
    if (local) feed.publish({ changes }).catch((err) => log.error({ err: String(err) }, 'publishing changes to the cluster failed'));
  });

  const onMessage = async (m: ClusterMessage) => {
    if (m.changes?.length) {
      const fresh = await deps.writer.exclusive(async () => deps.applier.apply(m.changes!, false));
      for (const c of fresh) if (c.before === null) deps.onRemoteCreated(c.event.id, Date.parse(c.event.deadline));
    }
    for (const a of m.alerts ?? []) deps.onRemoteAlert(a);
  };

  // A change another process stored but whose message never came leaves a hole the watermark
  // cannot pass: after a while, recount from the store, which has it.
  let stalledSince: number | null = null;
  const stallMs = deps.stallMs ?? 5000;
  stallCheck = setInterval(() => {
    if (deps.applier.watermark.pending === 0) return void (stalledSince = null);
    stalledSince ??= Date.now();
    if (Date.now() - stalledSince < stallMs) return;
    stalledSince = null;
    const at = deps.applier.watermark.value;
    deps
      .rebuild()
      .then((seq) => log.warn({ stuckAt: at, rebuiltTo: seq }, 'changes from another process went missing; counters rebuilt from the store'))
      .catch((err) => log.error({ err }, 'rebuild after missing changes failed'));
  }, 1000);
  deps.io.adapter(createAdapter(pub, sub, { key: `${keyPrefix}:io` }));
  feed.start(readFrom, onMessage);
  log.info({ node }, 'joined the cluster through Redis');
  };

  return {
    node,
    start,
    driveState: new RedisDriveState(kv, keyPrefix, log),
    publishAlert(a) {
      feed.publish({ alerts: [a] }).catch((err) => log.error({ err: String(err) }, 'publishing an alert to the cluster failed'));
    },
    async close() {
      if (stallCheck) clearInterval(stallCheck);
      await feed.close();
      await Promise.allSettled([pub.quit(), sub.quit(), kv.quit()]);
    },
  };
}
