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
  FEED_EVENTS,
  type PanelCounters,
} from '../../shared/protocol/socketProtocol';
import { subscribeSchema } from '../../shared/protocol/subscribeSchema';
import type { GridEvent } from '../../shared/events/gridEvent';
import { FeedWindow } from '../../shared/events/feedWindow';
import type { Alert } from '../../shared/alerts/alert';
import { withoutMixes, type ScreenCounters } from '../../shared/aggregates/regionCounters';
import { descendantGrids } from '../../shared/geo/descendantGrids';
import { mapRegions } from '../../shared/geo/mapRegions';
import { maskEvent } from '../../shared/privacy/maskPersonal';
import type { RegionAggregates } from '../aggregates/regionAggregates';
import type { EventStore } from '../store/eventStore';
import type { GeoContext } from '../geo/geoContext';
import type { SeqWatermark } from './seqWatermark';
import type { Authenticator } from '../auth/authenticator';
import { credentialOf } from '../auth/httpAuth';
import type { Principal } from '../../shared/auth/principal';
import { can } from '../../shared/auth/roles';
import { inScope } from '../../shared/auth/scope';
import { screenRoom, WALLS_ROOM, type WallControl } from './wallControl';

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents>;
type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/**
 * A further set of per-region counters streamed beside the event counters (e.g. volunteer
 * activity). Like RegionAggregates: full values per region, and which regions changed.
 */
export interface CounterPanel {
  /** Key under FocusSnapshot.panels / FocusDelta.panels. */
  readonly name: string;
  get(regionId: string): unknown;
  /** Regions changed since the previous call. */
  takeDirty(): Set<string>;
}

/** Where the hub reads the alerts a screen should see. */
export interface AlertSource {
  /** Alerts not yet handled inside `regionId` (any level), newest first. */
  openAlerts(regionId: string): Alert[];
}

export interface StreamHubDeps {
  io: IoServer;
  /** Who each socket is (a screen token, or a person's session cookie or token). */
  auth: Authenticator;
  /** Push to wall. */
  walls: WallControl;
  /** Up to which store seq every change is applied here (ChangeApplier.watermark). */
  watermark: SeqWatermark;
  geo: GeoContext;
  aggregates: RegionAggregates;
  store: EventStore;
  log: Logger;
  tickMs: number;
  alerts?: AlertSource;
  panels?: readonly CounterPanel[];
  /** Events in a snapshot's feed. Default FEED_EVENTS. */
  snapshotEvents?: number;
  /** The time-limit warning threshold in force (TimeLimits.warnAt), told to screens. */
  warnAt?: number;
  /** Most changes a reconnecting screen is caught up with; beyond, it gets a snapshot. Default 5,000. */
  replayLimit?: number;
}

/** timeLimits.ts's default, for a hub built without the configured one (tests). */
const DEFAULT_WARN_AT = 0.7;

/**
 * One room per focus and feed window: screens in it receive identical sequences. A screen that
 * keeps the newest N events (`feed`) is in its own room for each N, since its deltas carry
 * only the events inside its window; one without gets every changed event of the focus.
 */
interface Room {
  regionId: string;
  /** The seq its last delta (or the room's creation) reflected. */
  lastSeq: number;
  /** Null: every changed event in the focus is sent. */
  window: FeedWindow | null;
}
const roomKey = (regionId: string, feed: number | undefined) => (feed === undefined ? regionId : `${regionId}/${feed}`);
const roomOf = (key: string) => `focus:${key}`;
const FOCUS_ROOM = /^focus:/;

/**
 * All socket traffic of the server. A screen focuses on a region and gets a snapshot (or, when
 * it reconnects with the seq it holds, exactly what it missed), then one coalesced delta per
 * tick holding only what changed in that region and on its map. Screens with the same focus
 * share a room, so they receive identical sequences. Alerts go out at once, on their own.
 */
export class StreamHub {
  /** By roomKey (focus and feed window). */
  private readonly rooms = new Map<string, Room>();
  private pending: GridEvent[] = [];
  /** Watermark at the last tick that sent deltas. */
  private lastTickSeq = 0;
  private timer: NodeJS.Timeout | null = null;
  /** Ticks run so far (a snapshot read across a tick is read again). */
  private ticks = 0;

  constructor(private readonly deps: StreamHubDeps) {}

  private get appliedSeq(): number {
    return this.deps.watermark.value;
  }

  /** Starts accepting screens and ticking. */
  start(): void {
    this.lastTickSeq = this.appliedSeq;
    const { io, log } = this.deps;
    io.use((socket, next) => {
      const auth = socket.handshake.auth as Partial<HandshakeAuth>;
      if (auth.protocolVersion !== PROTOCOL_VERSION) {
        log.warn({ remote: socket.handshake.address, theirs: auth.protocolVersion }, 'socket refused: protocol mismatch');
        const err = new Error(`protocol version ${String(auth.protocolVersion)} not supported; server speaks ${PROTOCOL_VERSION}: reload the page`) as Error & { data: unknown };
        err.data = { code: 'protocol_mismatch', serverVersion: PROTOCOL_VERSION };
        return next(err);
      }
      const cred = auth.token ?? credentialOf({ cookie: socket.handshake.headers.cookie }, auth.as === 'screen' ? 'screen' : 'person');
      this.deps.auth
        .authenticate(cred)
        .then((principal) => {
          if (!principal || !can(principal.role, 'stream.watch')) {
            log.warn({ remote: socket.handshake.address, who: principal?.id }, 'socket refused: not signed in or may not watch');
            const err = new Error(principal ? `a ${principal.role} may not watch the stream` : 'not signed in: open the wall with its screen link, or sign in') as Error & { data: unknown };
            err.data = { code: 'unauthorised' };
            return next(err);
          }
          socket.data.principal = principal;
          next();
        })
        .catch((err: unknown) => next(err as Error));
    });
    io.on('connection', (socket) => this.onConnection(socket));
    this.timer = setInterval(() => this.tick(), this.deps.tickMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Told of every change applied here (written here or by another process). */
  onCommitted(events: readonly GridEvent[]): void {
    // Screens never receive personal data; roles that need it read it over REST.
    for (const e of events) this.pending.push(maskEvent(e));
  }

  /**
   * A new or changed alert: to every screen whose focus contains it, now (and only now: a screen
   * that subscribes later finds it in its snapshot or catch-up, read from the same open list).
   */
  onAlert(alert: Alert): void {
    // Alerts have their own sequence: they do not move the event seq a delta reflects.
    const path = this.deps.geo.current.hierarchy.path(alert.regionId);
    // io.local: every server process serves its own screens from its own state (with the Redis
    // adapter a plain emit would reach the other processes' screens as well, twice).
    for (const [key, room] of this.rooms) if (path.includes(room.regionId)) this.deps.io.local.to(roomOf(key)).emit(SocketEvent.alert, alert);
  }

  /** A new geography is in force: every screen must refetch it and focus again. */
  geographyChanged(): void {
    this.pending = [];
    this.rooms.clear();
    this.deps.aggregates.takeDirty();
    for (const room of this.deps.io.sockets.adapter.rooms.keys()) if (FOCUS_ROOM.test(room)) this.deps.io.local.socketsLeave(room);
    this.deps.io.local.emit(SocketEvent.geographyChanged, { serverTime: new Date().toISOString() });
  }

  private onConnection(socket: IoSocket): void {
    let focus: string | null = null;
    const principal = socket.data.principal as Principal;
    const ip = socket.handshake.address;
    if (principal.kind === 'screen') {
      void socket.join([WALLS_ROOM, screenRoom(principal.id)]);
      this.deps.walls
        .wallConnected(principal.id)
        .then((follow) => follow && socket.emit(SocketEvent.wallFollow, follow))
        .catch((err) => this.deps.log.error({ err }, 'reading the wall drive state failed'));
    }
    const mayDrive = (ack: unknown) => {
      if (can(principal.role, 'wall.drive')) return true;
      if (typeof ack === 'function') ack({ ok: false, problem: { code: 'unauthorised', message: `a ${principal.role} may not drive wall screens` } });
      return false;
    };
    socket.on(SocketEvent.wallPush, async (raw, ack) => {
      if (!mayDrive(ack)) return;
      const a = await this.deps.walls.push(principal, raw, ip).catch((err) => (this.deps.log.error({ err }, 'wall push failed'), null));
      if (typeof ack === 'function') ack(a ?? { ok: false, problem: { code: 'bad_request', message: 'push failed; retry' } });
    });
    socket.on(SocketEvent.wallRelease, async (raw, ack) => {
      if (!mayDrive(ack)) return;
      const a = await this.deps.walls.release(principal, raw, ip).catch((err) => (this.deps.log.error({ err }, 'wall release failed'), null));
      if (typeof ack === 'function') ack(a ?? { ok: false, problem: { code: 'bad_request', message: 'release failed; retry' } });
    });
    socket.on(SocketEvent.subscribe, async (raw, ack) => {
      const reply = (a: SubscribeAck) => (typeof ack === 'function' ? ack(a) : undefined);
      const parsed = subscribeSchema.safeParse(raw);
      if (!parsed.success) {
        const message = parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ');
        return reply({ ok: false, problem: { code: 'bad_request', message } });
      }
      const { regionId, metric, lastSeq, feed } = parsed.data;
      const key = roomKey(regionId, feed);
      if (!this.deps.geo.current.hierarchy.get(regionId))
        return reply({ ok: false, problem: { code: 'unknown_region', message: `unknown region ${regionId}` } });
      if (!inScope(this.deps.geo.current.hierarchy, principal.scopeRegionId, regionId))
        return reply({ ok: false, problem: { code: 'unauthorised', message: `region ${regionId} is outside your scope (${principal.scopeRegionId})` } });
      try {
        if (focus) await socket.leave(roomOf(focus));
        focus = key;
        // Read what the screen needs; if a tick ran meanwhile (it may have delivered changes the
        // read missed to the room, before this socket joined), read again.
        let catchUp: GridEvent[] | null = null;
        let snapshotEvents: GridEvent[] = [];
        // A windowed room's list as the store has it now: the snapshot, or the window a resumed
        // screen's catch-up is cut to when the room has none yet.
        let newest: GridEvent[] | null = null;
        for (let attempt = 0; attempt < 4; attempt++) {
          const ticks = this.ticks;
          catchUp = lastSeq === undefined ? null : await this.missedEvents(regionId, lastSeq);
          newest = null;
          if (catchUp === null) snapshotEvents = newest = await this.recentEvents(regionId, feed ?? this.deps.snapshotEvents ?? FEED_EVENTS);
          else if (feed !== undefined && !this.rooms.get(key)?.window) newest = await this.recentEvents(regionId, feed);
          if (ticks === this.ticks) break;
        }
        if (focus !== key) return reply({ ok: true, mode: 'snapshot' }); // refocused meanwhile
        // From here on synchronous: no tick can run between joining and the first message, and
        // the message is labelled with the seq the room's next delta continues from.
        void socket.join(roomOf(key));
        const room: Room = this.rooms.get(key) ?? { regionId, lastSeq: this.appliedSeq, window: null };
        if (feed !== undefined && !room.window && newest) room.window = new FeedWindow(feed, newest);
        this.rooms.set(key, room);
        const regions = [regionId, ...mapRegions(this.deps.geo.current.hierarchy, regionId)];
        const counters = this.countersOf(regions, regionId);
        const panels = this.panelsOf(regions, null);
        const hourly = this.deps.aggregates.hourly(regionId);
        const alerts = this.deps.alerts?.openAlerts(regionId) ?? [];
        const serverTime = new Date().toISOString();
        if (catchUp !== null && lastSeq !== undefined && lastSeq <= room.lastSeq) {
          // What the screen missed inside its window: it held the window as of lastSeq, and the
          // events that are in it now and did not change since were in it then (seqs only grow).
          const events = room.window ? room.window.copy().select(catchUp) : catchUp;
          socket.emit(SocketEvent.delta, { regionId, fromSeq: lastSeq, seq: room.lastSeq, serverTime, counters, events, hourly, alerts, alertsComplete: true, panels });
          return reply({ ok: true, mode: 'resumed' });
        }
        const warnAt = this.deps.warnAt ?? DEFAULT_WARN_AT;
        const snapshot: FocusSnapshot = { regionId, metric, seq: room.lastSeq, serverTime, counters, events: snapshotEvents, hourly, alerts, panels, warnAt };
        socket.emit(SocketEvent.snapshot, snapshot);
        reply({ ok: true, mode: 'snapshot' });
      } catch (err) {
        this.deps.log.error({ err, regionId }, 'subscribe failed');
        reply({ ok: false, problem: { code: 'bad_request', message: 'subscribe failed; retry' } });
      }
    });
  }

  private inRegion(e: GridEvent, regionId: string): boolean {
    const grid = this.deps.aggregates.gridOf(e);
    return grid !== null && this.deps.geo.current.hierarchy.path(grid).includes(regionId);
  }

  /** The region's `limit` most recently stored events (by seq: FeedWindow's order). */
  private async recentEvents(regionId: string, limit: number): Promise<GridEvent[]> {
    const h = this.deps.geo.current.hierarchy;
    const gridIds = regionId === h.root.id ? null : descendantGrids(h, regionId);
    return (await this.deps.store.queryEvents({ gridIds, limit })).map(maskEvent);
  }

  /**
   * The current state of every event in the region changed after `lastSeq`, newest first; null
   * when the gap is too large to replay (or the seq is unknown to this store), so a snapshot it is.
   */
  private async missedEvents(regionId: string, lastSeq: number): Promise<GridEvent[] | null> {
    if (lastSeq > this.appliedSeq) return null;
    const limit = this.deps.replayLimit ?? 5000;
    const changes = await this.deps.store.changesSince(lastSeq, limit + 1);
    if (changes.length > limit) return null;
    const latest = new Map<string, GridEvent>();
    for (const c of changes) if (this.inRegion(c.event, regionId)) latest.set(c.event.id, maskEvent(c.event));
    return [...latest.values()].sort((a, b) => b.updatedSeq - a.updatedSeq);
  }

  /** Each panel's counters for `ids` (only those in `dirty[panel]` when given). */
  private panelsOf(ids: readonly string[], dirty: Map<string, Set<string>> | null): PanelCounters {
    const out: PanelCounters = {};
    for (const p of this.deps.panels ?? []) {
      const changed = dirty?.get(p.name);
      const byRegion: Record<string, unknown> = {};
      for (const id of ids) if (!changed || changed.has(id)) byRegion[id] = p.get(id);
      if (Object.keys(byRegion).length > 0) out[p.name] = byRegion;
    }
    return out;
  }

  /** Counters of `ids`; only the focus's with today's mixes (ScreenCounters). */
  private countersOf(ids: Iterable<string>, focusId: string): Record<string, ScreenCounters> {
    const out: Record<string, ScreenCounters> = {};
    for (const id of ids) {
      const c = this.deps.aggregates.get(id);
      if (c) out[id] = id === focusId ? c : withoutMixes(c);
    }
    return out;
  }

  /** One coalesced delta per focused room, holding only what changed inside its focus. */
  tick(): void {
    // Changes from another process arrived before one with a lower seq: wait (briefly) for the
    // hole to fill, so that a delta's seq always means "everything up to here".
    if (this.pending.length > 0 && this.deps.watermark.pending > 0 && this.appliedSeq === this.lastTickSeq) return;
    this.lastTickSeq = this.appliedSeq;
    this.ticks++;
    const { io, geo, aggregates } = this.deps;
    aggregates.rollOverIfNewDay();
    const dirty = aggregates.takeDirty();
    const dirtyHourly = aggregates.takeDirtyHourly();
    const dirtyPanels = new Map((this.deps.panels ?? []).map((p) => [p.name, p.takeDirty()]));
    // An event changed twice in one tick travels once, in its latest state.
    const events = [...new Map(this.pending.map((e) => [e.id, e])).values()];
    this.pending = [];
    const h = geo.current.hierarchy;
    const now = new Date().toISOString();
    for (const [key, room] of this.rooms) {
      if (!io.sockets.adapter.rooms.get(roomOf(key))?.size) {
        this.rooms.delete(key); // nobody looks at it any more
        continue;
      }
      const { regionId } = room;
      const onMap = [regionId, ...mapRegions(h, regionId)];
      const watched = onMap.filter((id) => dirty.has(id));
      const panels = this.panelsOf(onMap, dirtyPanels);
      const changedInFocus = events.filter((e) => this.inRegion(e, regionId)).reverse();
      const inFocus = room.window ? room.window.select(changedInFocus) : changedInFocus;
      const hourlyChanged = dirtyHourly.has(regionId);
      if (watched.length === 0 && inFocus.length === 0  && !hourlyChanged && Object.keys(panels).length === 0) continue;
      const delta: FocusDelta = {
        regionId,
        fromSeq: room.lastSeq,
        seq: this.appliedSeq,
        serverTime: now,
        counters: this.countersOf(watched, regionId),
        events: inFocus,
        alerts: [],
        panels,
        ...(hourlyChanged ? { hourly: aggregates.hourly(regionId) } : {}),
      };
      room.lastSeq = this.appliedSeq;
      io.local.to(roomOf(key)).emit(SocketEvent.delta, delta);
    }
  }
}
