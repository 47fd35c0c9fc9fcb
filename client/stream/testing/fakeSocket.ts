import type { FocusSocket } from '../focusStream';

type Handler = (...args: any[]) => void;

/**
 * Stands in for a Socket.io client socket: records what the stream emits and lets a test play
 * the server (deliver events, drop and restore the link). Only what FocusStream uses.
 */
export class FakeSocket {
  connected = false;
  active = true;
  readonly emitted: { event: string; args: unknown[] }[] = [];
  private readonly handlers = new Map<string, Set<Handler>>();

  on(event: string, fn: Handler): this {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(fn);
    return this;
  }
  off(event: string, fn: Handler): this {
    this.handlers.get(event)?.delete(fn);
    return this;
  }
  emit(event: string, ...args: unknown[]): this {
    this.emitted.push({ event, args });
    return this;
  }
  disconnect(): this {
    this.connected = false;
    this.active = false;
    return this;
  }

  /** Server side: deliver an event to the client's listeners. */
  deliver(event: string, ...args: unknown[]): void {
    for (const fn of [...(this.handlers.get(event) ?? [])]) fn(...args);
  }
  connectNow(): void {
    this.connected = true;
    this.deliver('connect');
  }
  dropNow(): void {
    this.connected = false;
    this.deliver('disconnect', 'transport close');
  }
  /** Server side: answer the last emitted request that asked for an acknowledgement. */
  ackLast(answer: unknown): void {
    const last = [...this.emitted].reverse().find((e) => typeof e.args.at(-1) === 'function');
    if (!last) throw new Error('nothing waits for an ack');
    (last.args.at(-1) as (a: unknown) => void)(answer);
  }
  listenerCount(): number {
    let n = 0;
    for (const set of this.handlers.values()) n += set.size;
    return n;
  }
  asSocket(): FocusSocket {
    return this as unknown as FocusSocket;
  }
}
