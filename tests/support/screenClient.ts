import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  SocketEvent,
  type ClientToServerEvents,
  type FocusDelta,
  type FocusSnapshot,
  type HandshakeAuth,
  type ServerToClientEvents,
  type SubscribeAck,
  type WallFollow,
} from '../../shared/protocol/socketProtocol';

export type ScreenSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A test screen: a real socket.io-client that records every snapshot and delta it receives. */
export interface TestScreen {
  socket: ScreenSocket;
  snapshots: FocusSnapshot[];
  deltas: FocusDelta[];
  /** Every "follow this view" told to this socket (push to wall), from the moment it connected. */
  follows: WallFollow[];
  /** `feed`: keep the newest `feed` events in step (SubscribeRequest.feed). */
  subscribe(regionId: string, lastSeq?: number, feed?: number): Promise<SubscribeAck>;
  /** Resolves with the first delta (received from now on) that satisfies `pred`. */
  waitForDelta(pred: (d: FocusDelta) => boolean, timeoutMs?: number): Promise<FocusDelta>;
  close(): void;
}

export async function connectScreen(url: string, handshake: Partial<HandshakeAuth> = {}): Promise<TestScreen> {
  const auth: HandshakeAuth = { protocolVersion: PROTOCOL_VERSION, ...handshake };
  // Default transports (HTTP long-polling first, then the upgrade), as a browser connects: a
  // websocket-only client once hid a crash on polling requests.
  const socket: ScreenSocket = io(url, { auth, reconnection: false });
  const snapshots: FocusSnapshot[] = [];
  const deltas: FocusDelta[] = [];
  const follows: WallFollow[] = [];
  socket.on(SocketEvent.wallFollow, (f) => follows.push(f));
  const waiters: { pred: (d: FocusDelta) => boolean; resolve: (d: FocusDelta) => void }[] = [];
  socket.on(SocketEvent.snapshot, (s) => snapshots.push(s));
  socket.on(SocketEvent.delta, (d) => {
    deltas.push(d);
    for (const w of [...waiters]) if (w.pred(d)) (waiters.splice(waiters.indexOf(w), 1), w.resolve(d));
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (e) => reject(e));
  });
  return {
    socket,
    snapshots,
    deltas,
    follows,
    subscribe: (regionId, lastSeq, feed) =>
      socket.timeout(10_000).emitWithAck(SocketEvent.subscribe, { regionId, ...(lastSeq === undefined ? {} : { lastSeq }), ...(feed === undefined ? {} : { feed }) }),
    waitForDelta(pred, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const w = { pred, resolve };
        waiters.push(w);
        setTimeout(() => {
          const i = waiters.indexOf(w);
          if (i >= 0) (waiters.splice(i, 1), reject(new Error(`no matching delta within ${timeoutMs} ms; got ${deltas.length}`)));
        }, timeoutMs);
      });
    },
    close: () => socket.close(),
  };
}
