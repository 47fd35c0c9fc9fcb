import type { Socket } from 'socket.io-client';
import type { Alert } from '../../shared/alerts/alert';
import type {
  ClientToServerEvents,
  FocusDelta,
  FocusSnapshot,
  Problem,
  ServerToClientEvents,
  SubscribeAck,
  SubscribeRequest,
  WallFollow,
} from '../../shared/protocol/socketProtocol';
import { SocketEvent } from '../../shared/protocol/socketProtocol';
import type { HeatMetric } from '../../shared/protocol/subscribeSchema';
import type { FocusState } from './focusState';
import { EVENT_LIST_LIMIT, applyAlert, applyDelta, applySnapshot, mergeAlerts } from './focusState';
import { isAlert, readMetric } from './inbound';

export type FocusSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * - `connecting`: first connection not made yet.
 * - `live`: connected and subscribed.
 * - `reconnecting`: the link dropped; Socket.io is retrying and what is on screen is stale.
 * - `refused`: the server turned the handshake down (e.g. protocol mismatch); no retry.
 * - `closed`: disposed.
 */
export type LinkStatus = 'connecting' | 'live' | 'reconnecting' | 'refused' | 'closed';

export interface ConnectionInfo {
  status: LinkStatus;
  /** Epoch ms since which what is on screen may be out of date; null while live. */
  staleSinceMs: number | null;
}

export interface FocusStreamListener {
  state(state: FocusState | null): void;
  connection(info: ConnectionInfo): void;
  problem(problem: Problem): void;
  /** The server imported a new geography: everything the screen drew is out of date. */
  geographyChanged?(): void;
  /** Someone (a leader, "push to wall") drives this screen: show their view until released. */
  follow?(f: WallFollow): void;
  /** Nobody drives this screen any more. */
  released?(by: string): void;
}

export interface FocusStreamOptions {
  /** Epoch ms; injected so tests control time. Default Date.now. */
  now?: () => number;
  /** Events kept in the list. Default EVENT_LIST_LIMIT (50). */
  eventLimit?: number;
  /**
   * Ask the server to keep the list in step (subscribe with `feed` = eventLimit): the snapshot
   * brings that many events and deltas only the changed ones inside the list, not every event of
   * the focus. For screens that only show their list (walls, tablets); a console that follows
   * events wherever they are leaves it off.
   */
  feedWindow?: boolean;
  /**
   * Whether region `regionId` lies inside the focus `focusId` (itself included): an alert sent on
   * its own for the previous focus can arrive just after a switch. Default: trust the server.
   */
  contains?: (focusId: string, regionId: string) => boolean;
}

/** Alerts kept while waiting for the snapshot they may be newer than. */
const PENDING_ALERTS_LIMIT = 20;

/** What the subscription in flight asked for and what has come back for it. */
interface Subscription {
  regionId: string;
  /** Asked to resume from the seq we hold (a reconnect to the same focus). */
  resuming: boolean;
  acked: boolean;
  snapshotSeen: boolean;
}

/**
 * One focus subscription over one socket: subscribes on connect and on every focus change,
 * applies snapshots, deltas and alerts, and re-subscribes when a delta does not follow on from
 * what it holds. On a reconnect to the same focus it asks to resume from its seq, keeping what
 * is on screen, and the server answers with the missed delta or a fresh snapshot.
 * It owns the socket it is given: dispose() removes its listeners and disconnects it.
 */
export class FocusStream {
  private focusId: string | null = null;
  private metric: HeatMetric = 'open';
  private current: FocusState | null = null;
  /** True from a fresh subscribe until its snapshot: deltas in between cannot be placed, so we drop them. */
  private awaitingSnapshot = false;
  private sub: Subscription | null = null;
  /** Alerts for the focus that came before its snapshot. */
  private pendingAlerts: Alert[] = [];
  /** When the link last stopped being live; the screen's data is as of then. */
  private staleSinceMs: number | null = null;
  private status: LinkStatus = 'connecting';
  private readonly now: () => number;
  private readonly eventLimit: number;
  private readonly feedWindow: boolean;
  private readonly contains: (focusId: string, regionId: string) => boolean;

  constructor(
    private readonly socket: FocusSocket,
    private readonly listener: FocusStreamListener,
    options: FocusStreamOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.eventLimit = options.eventLimit ?? EVENT_LIST_LIMIT;
    this.feedWindow = options.feedWindow ?? false;
    this.contains = options.contains ?? (() => true);
    socket.on('connect', this.onConnect);
    socket.on('disconnect', this.onDisconnect);
    socket.on('connect_error', this.onConnectError);
    socket.on(SocketEvent.snapshot, this.onSnapshot);
    socket.on(SocketEvent.delta, this.onDelta);
    socket.on(SocketEvent.alert, this.onAlert);
    socket.on(SocketEvent.problem, this.onProblem);
    socket.on(SocketEvent.geographyChanged, this.onGeographyChanged);
    socket.on(SocketEvent.wallFollow, this.onFollow);
    socket.on(SocketEvent.wallReleased, this.onReleased);
    if (socket.connected) this.onConnect();
  }

  /** Moves the focus; what was held for the old one is dropped at once, not shown on the new map. */
  focus(regionId: string): void {
    if (regionId === this.focusId) return;
    this.focusId = regionId;
    this.pendingAlerts = [];
    this.setState(null);
    this.subscribe(false);
  }

  /**
   * The heat metric the screen shows: sent with every subscription (the server echoes it, so a
   * view pushed elsewhere carries it). Changing it needs no new data, so it does not re-subscribe.
   */
  setMetric(metric: HeatMetric): void {
    this.metric = metric;
  }

  /** Drops what is held and asks for a fresh snapshot of the same focus (the watchdog's soft reset). */
  resync(): void {
    this.pendingAlerts = [];
    this.setState(null);
    this.subscribe(false);
  }

  dispose(): void {
    this.socket.off('connect', this.onConnect);
    this.socket.off('disconnect', this.onDisconnect);
    this.socket.off('connect_error', this.onConnectError);
    this.socket.off(SocketEvent.snapshot, this.onSnapshot);
    this.socket.off(SocketEvent.delta, this.onDelta);
    this.socket.off(SocketEvent.alert, this.onAlert);
    this.socket.off(SocketEvent.problem, this.onProblem);
    this.socket.off(SocketEvent.geographyChanged, this.onGeographyChanged);
    this.socket.off(SocketEvent.wallFollow, this.onFollow);
    this.socket.off(SocketEvent.wallReleased, this.onReleased);
    this.socket.disconnect();
    this.setStatus('closed');
  }

  /** `resume`: ask to continue from the seq held for this same focus instead of a snapshot. */
  private subscribe(resume: boolean): void {
    if (!this.focusId || !this.socket.connected) return; // onConnect will do it
    const regionId = this.focusId;
    const held = this.current && this.current.regionId === regionId ? this.current.seq : null;
    const resuming = resume && held !== null;
    const sub: Subscription = { regionId, resuming, acked: false, snapshotSeen: false };
    this.sub = sub;
    // Resuming keeps what is on screen and applies the missed delta as a normal one; a fresh
    // subscription drops deltas until its snapshot.
    this.awaitingSnapshot = !resuming;
    const req: SubscribeRequest = {
      regionId,
      metric: this.metric,
      ...(resuming ? { lastSeq: held } : {}),
      ...(this.feedWindow ? { feed: this.eventLimit } : {}),
    };
    this.socket.emit(SocketEvent.subscribe, req, (ack: SubscribeAck) => this.onAck(sub, ack));
  }

  private onAck(sub: Subscription, ack: SubscribeAck): void {
    if (sub !== this.sub) return; // answers a subscription since replaced
    sub.acked = true;
    if (!ack.ok) {
      if (sub.regionId === this.focusId) this.listener.problem(ack.problem);
      return;
    }
    // A server that does not resume answers without a mode, and sends a snapshot.
    const mode = (ack as { mode?: string }).mode;
    if (sub.resuming && mode !== 'resumed' && !sub.snapshotSeen) this.awaitingSnapshot = true;
  }

  private readonly onConnect = (): void => {
    this.setStatus('live');
    // The server forgets subscriptions with the connection: every (re)connect subscribes afresh,
    // asking to resume when it still holds the focus's data.
    this.subscribe(true);
  };

  private readonly onDisconnect = (): void => {
    if (this.status === 'closed') return;
    this.setStatus('reconnecting');
  };

  private readonly onConnectError = (err: Error & { data?: unknown }): void => {
    // A refusal by a server middleware is final: Socket.io stops retrying and says so via `active`.
    if (!this.socket.active) {
      this.setStatus('refused');
      if (isProblem(err.data)) this.listener.problem(err.data);
      else this.listener.problem({ code: 'unauthorised', message: err.message });
    } else if (this.status === 'live') {
      this.setStatus('reconnecting');
    }
  };

  private readonly onSnapshot = (s: FocusSnapshot): void => {
    if (!this.focusId) return;
    const next = applySnapshot(this.focusId, s, this.eventLimit, this.pendingAlerts);
    if (!next) return;
    this.pendingAlerts = [];
    this.awaitingSnapshot = false;
    if (this.sub && this.sub.regionId === this.focusId) this.sub.snapshotSeen = true;
    this.setState(next);
  };

  private readonly onDelta = (d: FocusDelta): void => {
    if (!this.focusId || this.awaitingSnapshot) return;
    const r = applyDelta(this.focusId, this.current, d, this.eventLimit);
    if (r.kind === 'applied') {
      this.setState(r.state);
    } else if (r.kind === 'gap') {
      // While a resume is unanswered the server may still send the room's delta from a seq we
      // do not hold; its answer (the missed delta, or a snapshot) settles it, not a new request.
      if (this.sub?.resuming && !this.sub.acked) return;
      this.subscribe(false);
    }
  };

  private readonly onAlert = (a: Alert): void => {
    if (!this.focusId || !isAlert(a) || !this.contains(this.focusId, a.regionId)) return;
    if (this.current && !this.awaitingSnapshot) this.setState(applyAlert(this.current, a));
    else this.pendingAlerts = mergeAlerts(this.pendingAlerts, [a], PENDING_ALERTS_LIMIT);
  };

  private readonly onProblem = (p: Problem): void => {
    this.listener.problem(p);
  };

  private readonly onGeographyChanged = (): void => {
    this.listener.geographyChanged?.();
  };

  private readonly onFollow = (f: WallFollow): void => {
    if (typeof f?.regionId !== 'string' || !readMetric(f.metric)) return;
    this.listener.follow?.(f);
  };

  private readonly onReleased = (r: { by?: unknown }): void => {
    this.listener.released?.(typeof r?.by === 'string' ? r.by : '');
  };

  private setState(state: FocusState | null): void {
    this.current = state;
    this.listener.state(state);
  }

  private setStatus(status: LinkStatus): void {
    if (status === this.status) return;
    this.status = status;
    // Quiet is not stale: the server sends nothing when nothing changed, so what is on screen
    // is good up to the moment the link dropped, and stays "stale since" that moment.
    if (status === 'live' || status === 'connecting') this.staleSinceMs = null;
    else this.staleSinceMs ??= this.now();
    this.listener.connection({ status, staleSinceMs: this.staleSinceMs });
  }
}

function isProblem(x: unknown): x is Problem {
  return typeof x === 'object' && x !== null && typeof (x as Problem).code === 'string' && typeof (x as Problem).message === 'string';
}
