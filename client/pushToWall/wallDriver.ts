import type { WallAck, WallPushRequest, WallReleaseRequest } from '../../shared/protocol/socketProtocol';
import { SocketEvent } from '../../shared/protocol/socketProtocol';
import type { HeatMetric } from '../../shared/protocol/subscribeSchema';

/** What the driver needs of a socket: an emit with an acknowledgement. */
export interface WallSocket {
  emit(event: typeof SocketEvent.wallPush, req: WallPushRequest, ack: (a: WallAck) => void): unknown;
  emit(event: typeof SocketEvent.wallRelease, req: WallReleaseRequest, ack: (a: WallAck) => void): unknown;
}

/** How a push or release ended: the server's answer, or no answer in time (link down, or an older server). */
export type DriveResult = WallAck | { ok: false; problem: { code: 'timeout'; message: string } };

export interface WallDriverOptions {
  /** How long to wait for the server's answer, ms. Default 8000. */
  timeoutMs?: number;
  /** Timers; injectable for tests. */
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (t: unknown) => void;
}

/**
 * "Push to wall" from a leader's page: sends the view to wall screens and keeps them following —
 * every later change of the leader's focus or colouring is sent to the screens that follow —
 * until released. Which screens follow is what the server's answers said (`following`); a
 * screen the server skipped (outside the leader's or the screen's scope, not connected) does not.
 */
export class WallDriver {
  private follow = new Set<string>();
  private readonly timeoutMs: number;
  private readonly setT: (fn: () => void, ms: number) => unknown;
  private readonly clearT: (t: unknown) => void;

  constructor(
    private readonly socket: WallSocket,
    options: WallDriverOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 8000;
    this.setT = options.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearT = options.clearTimeout ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  }

  /** Screens following this leader's view now. */
  get following(): readonly string[] {
    return [...this.follow];
  }

  /** Sends the view to `screens` (ids, or ['*'] for every wall the leader may drive); those that took it follow from now on. */
  async push(regionId: string, metric: HeatMetric, screens: readonly string[]): Promise<DriveResult> {
    const ack = await this.send(SocketEvent.wallPush, { regionId, metric, screens: [...screens] });
    if (ack.ok) for (const s of ack.screens) this.follow.add(s);
    return ack;
  }

  /** The leader's view changed: the screens following it get the new one (nothing when none follow). */
  async moved(regionId: string, metric: HeatMetric): Promise<DriveResult | null> {
    if (this.follow.size === 0) return null;
    const screens = this.following;
    const ack = await this.send(SocketEvent.wallPush, { regionId, metric, screens: [...screens] });
    // A screen the server skipped now (gone, or the view is outside its scope) no longer follows.
    if (ack.ok) for (const s of screens) if (!ack.screens.includes(s)) this.follow.delete(s);
    return ack;
  }

  /** Lets `screens` (default: all that follow) go back to their own view. */
  async release(screens: readonly string[] = this.following): Promise<DriveResult> {
    if (screens.length === 0) return { ok: true, screens: [], skipped: [] };
    const ack = await this.send(SocketEvent.wallRelease, { screens: [...screens] });
    if (ack.ok) for (const s of screens) this.follow.delete(s);
    return ack;
  }

  /**
   * The list of walls says who drives each now: a screen another leader took over, or that
   * someone released, is no longer ours.
   */
  reconcile(drivenByMe: (screenId: string) => boolean): void {
    for (const s of [...this.follow]) if (!drivenByMe(s)) this.follow.delete(s);
  }

  private send(event: typeof SocketEvent.wallPush | typeof SocketEvent.wallRelease, req: WallPushRequest | WallReleaseRequest): Promise<DriveResult> {
    return new Promise((resolve) => {
      let done = false;
      const timer = this.setT(() => {
        if (done) return;
        done = true;
        resolve({ ok: false, problem: { code: 'timeout', message: `no answer in ${this.timeoutMs} ms` } });
      }, this.timeoutMs);
      const onAck = (a: WallAck) => {
        if (done) return;
        done = true;
        this.clearT(timer);
        resolve(isAck(a) ? a : { ok: false, problem: { code: 'bad_request', message: 'malformed answer' } });
      };
      if (event === SocketEvent.wallPush) this.socket.emit(event, req as WallPushRequest, onAck);
      else this.socket.emit(event, req as WallReleaseRequest, onAck);
    });
  }
}

/** Typed events are no validation: the answer is checked before it is believed. */
function isAck(a: unknown): a is WallAck {
  if (typeof a !== 'object' || a === null) return false;
  const x = a as { ok?: unknown; screens?: unknown; skipped?: unknown; problem?: unknown };
  if (x.ok === true) return Array.isArray(x.screens) && x.screens.every((s) => typeof s === 'string') && Array.isArray(x.skipped);
  return x.ok === false && typeof x.problem === 'object' && x.problem !== null;
}
