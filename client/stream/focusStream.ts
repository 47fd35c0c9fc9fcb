import type { Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  FocusDelta,
  FocusSnapshot,
  Problem,
  ServerToClientEvents,
  SubscribeAck,
} from '../../shared/protocol/socketProtocol';
import { SocketEvent } from '../../shared/protocol/socketProtocol';
import type { FocusState } from './focusState';
import { EVENT_LIST_LIMIT, applyDelta, applySnapshot } from './focusState';

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
}

export interface FocusStreamOptions {
  /** Epoch ms; injected so tests control time. Default Date.now. */
  now?: () => number;
  /** Events kept in the list. Default EVENT_LIST_LIMIT (50). */
  eventLimit?: number;
}

/**
 * One focus subscription over one socket: subscribes on connect and on every focus change,
 * applies snapshots and deltas, and re-subscribes when a delta does not follow on from what it
 * holds. It owns the socket it is given: dispose() removes its listeners and disconnects it.
 */
export class FocusStream {
  private focusId: string | null = null;
  private current: FocusState | null = null;
  /** True from a subscribe until its snapshot: deltas in between cannot be placed, so we drop them. */
  private awaitingSnapshot = false;
  /** When the link last stopped being live; the screen's data is as of then. */
  private staleSinceMs: number | null = null;
  private status: LinkStatus = 'connecting';
  private readonly now: () => number;
  private readonly eventLimit: number;

  constructor(
    private readonly socket: FocusSocket,
    private readonly listener: FocusStreamListener,
    options: FocusStreamOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.eventLimit = options.eventLimit ?? EVENT_LIST_LIMIT;
    socket.on('connect', this.onConnect);
    socket.on('disconnect', this.onDisconnect);
    socket.on('connect_error', this.onConnectError);
    socket.on(SocketEvent.snapshot, this.onSnapshot);
    socket.on(SocketEvent.delta, this.onDelta);
    socket.on(SocketEvent.problem, this.onProblem);
    if (socket.connected) this.onConnect();
  }

  /** Moves the focus; what was held for the old one is dropped at once, not shown on the new map. */
  focus(regionId: string): void {
    if (regionId === this.focusId) return;
    this.focusId = regionId;
    this.setState(null);
    this.subscribe();
  }

  dispose(): void {
    this.socket.off('connect', this.onConnect);
    this.socket.off('disconnect', this.onDisconnect);
    this.socket.off('connect_error', this.onConnectError);
    this.socket.off(SocketEvent.snapshot, this.onSnapshot);
    this.socket.off(SocketEvent.delta, this.onDelta);
    this.socket.off(SocketEvent.problem, this.onProblem);
    this.socket.disconnect();
    this.setStatus('closed');
  }

  private subscribe(): void {
    if (!this.focusId || !this.socket.connected) return; // onConnect will do it
    this.awaitingSnapshot = true;
    const regionId = this.focusId;
    this.socket.emit(SocketEvent.subscribe, { regionId }, (ack: SubscribeAck) => {
      if (!ack.ok && regionId === this.focusId) this.listener.problem(ack.problem);
    });
  }

  private readonly onConnect = (): void => {
    this.setStatus('live');
    // The server forgets subscriptions with the connection: every (re)connect subscribes afresh.
    this.subscribe();
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
    const next = applySnapshot(this.focusId, s, this.eventLimit);
    if (!next) return;
    this.awaitingSnapshot = false;
    this.setState(next);
  };

  private readonly onDelta = (d: FocusDelta): void => {
    if (!this.focusId || this.awaitingSnapshot) return;
    const r = applyDelta(this.focusId, this.current, d, this.eventLimit);
    if (r.kind === 'applied') {
      this.setState(r.state);
    } else if (r.kind === 'gap') {
      this.subscribe();
    }
  };

  private readonly onProblem = (p: Problem): void => {
    this.listener.problem(p);
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
