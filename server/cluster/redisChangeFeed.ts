import { createClient } from 'redis';
import type { Logger } from 'pino';
import type { Alert } from '../../shared/alerts/alert';
import type { EventChange } from '../events/eventWriter';

/** What one server process tells the others: changes it stored, alerts it raised or changed. */
export interface ClusterMessage {
  node: string;
  changes?: EventChange[];
  alerts?: Alert[];
}

type Client = ReturnType<typeof createClient>;
type StreamReply = { name: string; messages: { id: string; message: Record<string, string> }[] }[] | null;

/**
 * The doorbell between server processes sharing one PostgreSQL store: a Redis Stream every
 * process appends its committed changes to and reads everyone else's from. A stream rather
 * than pub/sub, so a process that blocks or reconnects reads on from where it was instead of
 * losing messages. The store stays the truth: a process that finds it missed something
 * rebuilds its counters from the store.
 */
export class RedisChangeFeed {
  private readonly writer: Client;
  private readonly reader: Client;
  private running = false;
  private loop: Promise<void> | null = null;

  constructor(
    url: string,
    private readonly key: string,
    private readonly node: string,
    private readonly log: Logger,
    /** Entries kept in the stream (approximately). */
    private readonly maxLen = 200_000,
  ) {
    this.writer = createClient({ url });
    // A blocking XREAD holds its connection, so reading gets a connection of its own.
    this.reader = createClient({ url });
    for (const c of [this.writer, this.reader]) c.on('error', (err) => log.warn({ err: String(err) }, 'redis connection error'));
  }

  async connect(): Promise<void> {
    await Promise.all([this.writer.connect(), this.reader.connect()]);
  }

  /** The id of the newest entry, to read on from (taken before a rebuild, so nothing falls between). */
  async lastId(): Promise<string> {
    const [last] = await this.writer.xRevRange(this.key, '+', '-', { COUNT: 1 });
    return last?.id ?? '0-0';
  }

  async publish(m: Omit<ClusterMessage, 'node'>): Promise<void> {
    await this.writer.xAdd(this.key, '*', { m: JSON.stringify({ ...m, node: this.node }) }, { TRIM: { strategy: 'MAXLEN', strategyModifier: '~', threshold: this.maxLen } });
  }

  /** Reads every entry after `fromId` written by other processes and hands it over, in order. */
  start(fromId: string, handle: (m: ClusterMessage) => Promise<void>): void {
    this.running = true;
    let id = fromId;
    this.loop = (async () => {
      while (this.running) {
        try {
          // RESP2 reply shape (node-redis transforms it): [{ name, messages: [{ id, message }] }] or null.
          const reply = (await this.reader.xRead({ key: this.key, id }, { COUNT: 500, BLOCK: 1000 })) as unknown as StreamReply;
          for (const stream of reply ?? []) {
            for (const entry of stream.messages) {
              id = entry.id;
              const m = JSON.parse(entry.message.m) as ClusterMessage;
              if (m.node !== this.node) await handle(m);
            }
          }
        } catch (err) {
          if (!this.running) break;
          this.log.warn({ err: String(err) }, 'reading the cluster feed failed; retrying');
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    })();
  }

  async close(): Promise<void> {
    this.running = false;
    await Promise.allSettled([this.writer.quit(), this.reader.disconnect()]);
    await this.loop?.catch(() => undefined);
  }
}
