import { describe, expect, it, vi } from 'vitest';
import { SocketEvent } from '../../shared/protocol/socketProtocol';
import type { ConnectionInfo, FocusStreamListener } from './focusStream';
import { FocusStream } from './focusStream';
import type { FocusState } from './focusState';
import { FakeSocket } from './testing/fakeSocket';
import { counters, delta, makeEvent, snapshot } from './testing/fixtures';

const D = '150602';
const S1 = '150602001';

function setup(now = () => 1_000) {
  const socket = new FakeSocket();
  const seen = { state: null as FocusState | null, connection: [] as ConnectionInfo[], problems: [] as unknown[] };
  const listener: FocusStreamListener = {
    state: (s) => (seen.state = s),
    connection: (c) => seen.connection.push(c),
    problem: (p) => seen.problems.push(p),
  };
  const stream = new FocusStream(socket.asSocket(), listener, { now });
  const subscriptions = () => socket.emitted.filter((e) => e.event === SocketEvent.subscribe).map((e) => e.args[0]);
  return { socket, stream, seen, subscriptions };
}

describe('FocusStream', () => {
  it('subscribes to the focus once connected, and again on every reconnect', () => {
    const { socket, stream, subscriptions } = setup();
    stream.focus(D);
    expect(subscriptions()).toEqual([]);
    socket.connectNow();
    expect(subscriptions()).toEqual([{ regionId: D }]);
    socket.dropNow();
    socket.connectNow();
    expect(subscriptions()).toEqual([{ regionId: D }, { regionId: D }]);
  });

  it('subscribes on each focus change and clears what it held for the old focus', () => {
    const { socket, stream, seen, subscriptions } = setup();
    socket.connectNow();
    stream.focus(D);
    socket.deliver(SocketEvent.snapshot, snapshot(D, 5, { counters: { [D]: counters({ open: 1 }) } }));
    expect(seen.state?.regionId).toBe(D);
    stream.focus(S1);
    expect(seen.state).toBeNull();
    expect(subscriptions()).toEqual([{ regionId: D }, { regionId: S1 }]);
  });

  it('ignores a snapshot and deltas for the previous focus that arrive after a switch', () => {
    const { socket, stream, seen } = setup();
    socket.connectNow();
    stream.focus(D);
    stream.focus(S1);
    socket.deliver(SocketEvent.snapshot, snapshot(D, 5));
    socket.deliver(SocketEvent.delta, delta(D, 5, 6));
    expect(seen.state).toBeNull();
    socket.deliver(SocketEvent.snapshot, snapshot(S1, 6));
    expect(seen.state?.regionId).toBe(S1);
  });

  it('merges a delta that follows on from the snapshot', () => {
    const { socket, stream, seen } = setup();
    socket.connectNow();
    stream.focus(D);
    socket.deliver(SocketEvent.snapshot, snapshot(D, 5));
    socket.deliver(SocketEvent.delta, delta(D, 5, 7, { events: [makeEvent(7)], counters: { [D]: counters({ today: 1 }) } }));
    expect(seen.state?.seq).toBe(7);
    expect(seen.state?.events[0].id).toBe('ev-7');
    expect(seen.state?.counters[D].today).toBe(1);
  });

  it('re-subscribes once on a seq gap and drops deltas until the fresh snapshot', () => {
    const { socket, stream, seen, subscriptions } = setup();
    socket.connectNow();
    stream.focus(D);
    socket.deliver(SocketEvent.snapshot, snapshot(D, 5));
    socket.deliver(SocketEvent.delta, delta(D, 6, 8));
    socket.deliver(SocketEvent.delta, delta(D, 8, 9));
    expect(subscriptions()).toHaveLength(2);
    expect(seen.state?.seq).toBe(5);
    socket.deliver(SocketEvent.snapshot, snapshot(D, 9));
    socket.deliver(SocketEvent.delta, delta(D, 9, 10));
    expect(seen.state?.seq).toBe(10);
  });

  it('reports live, then reconnecting stale since the moment the link dropped', () => {
    let t = 1_000;
    const { socket, stream, seen } = setup(() => t);
    stream.focus(D);
    socket.connectNow();
    expect(seen.connection.at(-1)).toEqual({ status: 'live', staleSinceMs: null });
    t = 5_000;
    socket.dropNow();
    t = 9_000;
    socket.deliver('connect_error', new Error('xhr poll error'));
    expect(seen.connection.at(-1)).toEqual({ status: 'reconnecting', staleSinceMs: 5_000 });
    socket.connectNow();
    expect(seen.connection.at(-1)).toEqual({ status: 'live', staleSinceMs: null });
  });

  it('reports a refused handshake with the server problem, and stops there', () => {
    const { socket, seen } = setup();
    socket.active = false;
    const err = Object.assign(new Error('protocol_mismatch'), { data: { code: 'protocol_mismatch', message: 'v2 required' } });
    socket.deliver('connect_error', err);
    expect(seen.connection.at(-1)?.status).toBe('refused');
    expect(seen.problems).toEqual([{ code: 'protocol_mismatch', message: 'v2 required' }]);
  });

  it('passes a refused subscription on as a problem', () => {
    const { socket, stream, seen } = setup();
    socket.connectNow();
    stream.focus('999');
    const ack = socket.emitted[0].args[1] as (a: unknown) => void;
    ack({ ok: false, problem: { code: 'unknown_region', message: 'no region 999' } });
    expect(seen.problems).toEqual([{ code: 'unknown_region', message: 'no region 999' }]);
  });

  it('removes every listener and disconnects the socket it owns on dispose', () => {
    const { socket, stream, seen } = setup();
    const disconnect = vi.spyOn(socket, 'disconnect');
    stream.dispose();
    expect(socket.listenerCount()).toBe(0);
    expect(disconnect).toHaveBeenCalledOnce();
    expect(seen.connection.at(-1)?.status).toBe('closed');
  });
});
