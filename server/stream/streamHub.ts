import type { Server, Socket } from 'socket.io';
import type { Logger } from 'pino';
import {
  PROTOCOL_VERSION,
  SocketEvent,
  type ClientToServerEvents,
  type FocusDelta,
  type FocusSnapshot,
  type HandshakeAuth,
  type ServerToClientEvents,
  type SubscribeAck,
} from '../../shared/protocol/socketProtocol';
import { subscribeSchema } from '../../shared/protocol/subscribeSchema';
import type { GridEvent } from '../../shared/events/gridEvent';
import type { RegionCounters } from '../../shared/aggregates/regionCounters';
import { descendantGrids } from '../../shared/geo/descendantGrids';
import type { RegionAggregates } from '../aggregates/regionAggregates';
import type { EventStore } from '../store/eventStore';
import type { GeoContext } from '../geo/geoContext';

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents>;
type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

export interface StreamHubDeps {
  io: IoServer;
  geo: GeoContext;
  aggregates: RegionAggregates;
  store: EventStore;
  log: Logger;
  tickMs: number;
  /** Events in a snapshot's feed. */
  snapshotEvents?: number;
}

const roomOf = (regionId: string) => `focus:${regionId}`;

/**
 * All socket traffic of the server. A screen focuses on a region and gets a snapshot, then one
 * coalesced delta per tick holding only what changed in that region and its children. Screens
 * with the same focus share a room, so they receive identical sequences.
 */
export class StreamHub {
  /** Per focused region: the seq its last delta (or the room's creation) reflected. */
  private readonly rooms = new Map<string, { lastSeq: number }>();
  private pending: GridEvent[] = [];
  private appliedSeq = 0;
  private timer: NodeJS.Timeout | null = null;
  /** Ticks run so far. */
  private ticks = 0;

  constructor(private readonly deps: StreamHubDeps) {}

  /** Starts accepting screens and ticking; `seq` is the store's sequence after the rebuild. */
  start(seq: number): void {
    this.appliedSeq = seq;
    const { io, log } = this.deps;
    io.use((socket, next) => {
      const auth = socket.handshake.auth as Partial<HandshakeAuth>;
      if (auth.protocolVersion !== PROTOCOL_VERSION) {
        log.warn({ remote: socket.handshake.address, theirs: auth.protocolVersion }, 'socket refused: protocol mismatch');
        const err = new Error(`protocol version ${String(auth.protocolVersion)} not supported; server speaks ${PROTOCOL_VERSION}: reload the page`) as Error & { data: unknown };
        err.data = { code: 'protocol_mismatch', serverVersion: PROTOCOL_VERSION };
        return next(err);
      }
      next();
    });
    io.on('connection', (socket) => this.onConnection(socket));
    this.timer = setInterval(() => this.tick(), this.deps.tickMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The ingestion path calls this after each durable batch, in seq order. */
  onCommitted(events: readonly GridEvent[]): void {
    for (const e of events) {
      this.pending.push(e);
      if (e.updatedSeq > this.appliedSeq) this.appliedSeq = e.updatedSeq;
    }
  }

  /** A new geography is in force: every screen must refetch it and focus again. */
  geographyChanged(): void {
    this.pending = [];
    this.rooms.clear();
    this.deps.aggregates.takeDirty();
    for (const room of this.deps.io.sockets.adapter.rooms.keys()) if (room.startsWith('focus:')) this.deps.io.socketsLeave(room);
    this.deps.io.emit(SocketEvent.geographyChanged, { serverTime: new Date().toISOString() });
  }

  private onConnection(socket: IoSocket): void {
    let focus: string | null = null;
    socket.on(SocketEvent.subscribe, async (raw, ack) => {
      const reply = (a: SubscribeAck) => (typeof ack === 'function' ? ack(a) : undefined);
      const parsed = subscribeSchema.safeParse(raw);
      if (!parsed.success) {
        const message = parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ');
        return reply({ ok: false, problem: { code: 'bad_request', message } });
      }
      const { regionId } = parsed.data;
      if (!this.deps.geo.current.hierarchy.get(regionId))
        return reply({ ok: false, problem: { code: 'unknown_region', message: `unknown region ${regionId}` } });
      try {
        if (focus) await socket.leave(roomOf(focus));
        focus = regionId;
        // Join first: from here on every tick's delta reaches this socket, so nothing committed
        // while the snapshot is being read can fall between snapshot and deltas.
        await socket.join(roomOf(regionId));
        if (!this.rooms.has(regionId)) this.rooms.set(regionId, { lastSeq: this.appliedSeq });
        let snapshot = await this.snapshot(regionId);
        // A tick during the events query may have sent (to a screen that ignores deltas before
        // its snapshot) an event the query missed; read again in that rare case.
        for (let i = 0; i < 3 && snapshot.tickNo !== this.ticks; i++) snapshot = await this.snapshot(regionId);
        if (focus !== regionId) return reply({ ok: true }); // refocused meanwhile; that request answers
        // Label the snapshot with the seq the room's next delta continues from, so every screen
        // sees an unbroken fromSeq chain. Its content may be newer; the next delta repeats that
        // part with full values, which is harmless.
        socket.emit(SocketEvent.snapshot, { ...snapshot.body, seq: this.rooms.get(regionId)!.lastSeq });
        reply({ ok: true });
      } catch (err) {
        this.deps.log.error({ err, regionId }, 'snapshot failed');
        reply({ ok: false, problem: { code: 'bad_request', message: 'snapshot failed; retry' } });
      }
    });
  }

  /** The focused region's and its children's counters, and its newest events, as of now. */
  async snapshot(regionId: string): Promise<{ body: FocusSnapshot; tickNo: number }> {
    const tickNo = this.ticks;
    const h = this.deps.geo.current.hierarchy;
    const gridIds = regionId === h.root.id ? null : descendantGrids(h, regionId);
    const events = await this.deps.store.queryEvents({ gridIds, limit: this.deps.snapshotEvents ?? 30 });
    // Counters are read after the query, synchronously: they are never older than the events.
    const body: FocusSnapshot = {
      regionId,
      seq: this.appliedSeq,
      serverTime: new Date().toISOString(),
      counters: this.countersOf([regionId, ...h.children(regionId).map((r) => r.id)]),
      events,
    };
    return { body, tickNo };
  }

  private countersOf(ids: Iterable<string>): Record<string, RegionCounters> {
    const out: Record<string, RegionCounters> = {};
    for (const id of ids) {
      const c = this.deps.aggregates.get(id);
      if (c) out[id] = c;
    }
    return out;
  }

  /** One coalesced delta per focused room, holding only what changed inside its focus. */
  tick(): void {
    this.ticks++;
    const { io, geo, aggregates } = this.deps;
    aggregates.rollOverIfNewDay();
    const dirty = aggregates.takeDirty();
    const events = this.pending;
    this.pending = [];
    const h = geo.current.hierarchy;
    const now = new Date().toISOString();
    for (const [regionId, room] of this.rooms) {
      if (!io.sockets.adapter.rooms.get(roomOf(regionId))?.size) {
        this.rooms.delete(regionId); // nobody looks at it any more
        continue;
      }
      const watched = [regionId, ...h.children(regionId).map((r) => r.id)].filter((id) => dirty.has(id));
      const inFocus = events.filter((e) => h.path(aggregates.gridOf(e) ?? '').includes(regionId)).reverse();
      if (watched.length === 0 && inFocus.length === 0) continue;
      const delta: FocusDelta = {
        regionId,
        fromSeq: room.lastSeq,
        seq: this.appliedSeq,
        serverTime: now,
        counters: this.countersOf(watched),
        events: inFocus,
      };
      room.lastSeq = this.appliedSeq;
      io.to(roomOf(regionId)).emit(SocketEvent.delta, delta);
    }
  }
}
