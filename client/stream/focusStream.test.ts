import { describe, expect, it, vi } from 'vitest';
import { SocketEvent } from '../../shared/protocol/socketProtocol';
import type { ConnectionInfo, FocusStreamListener } from './focusStream';
import { FocusStream } from './focusStream';
import type { FocusState } from './focusState';
import { FakeSocket } from './testing/fakeSocket';
import { counters, delta, makeAlert, makeEvent, snapshot } from './testing/fixtures';

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
    expect(subscriptions()).toEqual([{ regionId: D, metric: 'open' }]);
    socket.dropNow();
    socket.connectNow();
    expect(subscriptions()).toEqual([{ regionId: D, metric: 'open' }, { regionId: D, metric: 'open' }]);
  });

  it('subscribes on each focus change and clears what it held for the old focus', () => {
    const { socket, stream, seen, subscriptions } = setup();
    socket.connectNow();
    stream.focus(D);
    socket.deliver(SocketEvent.snapshot, snapshot(D, 5, { counters: { [D]: counters({ open: 1 }) } }));
    expect(seen.state?.regionId).toBe(D);
    stream.focus(S1);
    expect(seen.state).toBeNull();
    expect(subscriptions()).toEqual([{ regionId: D, metric: 'open' }, { regionId: S1, metric: 'open' }]);
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
  it('asks to resume from the seq it holds when the link comes back to the same focus', () => {
    const { socket, stream, seen, subscriptions } = setup();
    socket.connectNow();
    stream.focus(D);
    socket.deliver(SocketEvent.snapshot, snapshot(D, 5, { counters: { [D]: counters({ open: 1 }) } }));
    socket.dropNow();
    socket.connectNow();
    expect(subscriptions().at(-1)).toEqual({ regionId: D, metric: 'open', lastSeq: 5 });
    // What is on screen stays while the answer is on its way.
    expect(seen.state?.counters[D].open).toBe(1);
  });

  it('applies the missed delta after a resumed answer, keeping its state', () => {
    const { socket, stream, seen } = setup();
    socket.connectNow();
    stream.focus(D);
    socket.deliver(SocketEvent.snapshot, snapshot(D, 5, { events: [makeEvent(5)] }));
    socket.dropNow();
    socket.connectNow();
    socket.ackLast({ ok: true, mode: 'resumed' });
    socket.deliver(SocketEvent.delta, delta(D, 5, 9, { events: [makeEvent(8)] }));
    expect(seen.state?.seq).toBe(9);
    expect(seen.state?.events.map((e) => e.id)).toEqual(['ev-8', 'ev-5']);
  });

  it('applies the missed delta even when it arrives before the ack', () => {
    const { socket, stream, seen } = setup();
    socket.connectNow();
    stream.focus(D);
    socket.deliver(SocketEvent.snapshot, snapshot(D, 5));
    socket.dropNow();
    socket.connectNow();
    socket.deliver(SocketEvent.delta, delta(D, 5, 9));
    socket.ackLast({ ok: true, mode: 'resumed' });
    expect(seen.state?.seq).toBe(9);
  });

  it('waits for the snapshot when the server cannot resume, and replaces the state with it', () => {
    const { socket, stream, seen, subscriptions } = setup();
    socket.connectNow();
    stream.focus(D);
    socket.deliver(SocketEvent.snapshot, snapshot(D, 5, { counters: { [D]: counters({ open: 1 }) } }));
    socket.dropNow();
    socket.connectNow();
    socket.ackLast({ ok: true, mode: 'snapshot' });
    socket.deliver(SocketEvent.delta, delta(D, 40, 41)); // the room's next delta, before our snapshot
    expect(seen.state?.seq).toBe(5);
    expect(subscriptions()).toHaveLength(2); // no extra request: the snapshot is coming
    socket.deliver(SocketEvent.snapshot, snapshot(D, 41, { counters: { [D]: counters({ open: 7 }) } }));
    expect(seen.state?.counters[D].open).toBe(7);
    socket.deliver(SocketEvent.delta, delta(D, 41, 42));
    expect(seen.state?.seq).toBe(42);
  });

  it('does not re-subscribe on a gap while a resume is unanswered (regression: double snapshot)', () => {
    const { socket, stream, subscriptions } = setup();
    socket.connectNow();
    stream.focus(D);
    socket.deliver(SocketEvent.snapshot, snapshot(D, 5));
    socket.dropNow();
    socket.connectNow();
    socket.deliver(SocketEvent.delta, delta(D, 30, 31));
    expect(subscriptions()).toHaveLength(2);
  });

  it('takes a snapshot that came before the ack of an unanswered resume as the answer', () => {
    const { socket, stream, seen } = setup();
    socket.connectNow();
    stream.focus(D);
    socket.deliver(SocketEvent.snapshot, snapshot(D, 5));
    socket.dropNow();
    socket.connectNow();
    socket.deliver(SocketEvent.snapshot, snapshot(D, 30));
    socket.ackLast({ ok: true, mode: 'snapshot' });
    socket.deliver(SocketEvent.delta, delta(D, 30, 31));
    expect(seen.state?.seq).toBe(31);
  });

  it('merges an alert sent on its own, and the same alert again in the next delta, once', () => {
    const { socket, stream, seen } = setup();
    socket.connectNow();
    stream.focus(D);
    socket.deliver(SocketEvent.snapshot, snapshot(D, 5));
    socket.deliver(SocketEvent.alert, makeAlert(6));
    expect(seen.state?.alerts.map((a) => a.id)).toEqual(['al-6']);
    socket.deliver(SocketEvent.delta, delta(D, 5, 6, { alerts: [makeAlert(6)] }));
    expect(seen.state?.alerts).toHaveLength(1);
  });

  it('keeps an alert that came before the snapshot and shows it with the snapshot', () => {
    const { socket, stream, seen } = setup();
    socket.connectNow();
    stream.focus(D);
    socket.deliver(SocketEvent.alert, makeAlert(6));
    socket.deliver(SocketEvent.snapshot, snapshot(D, 5));
    expect(seen.state?.alerts.map((a) => a.id)).toEqual(['al-6']);
  });

  it('drops an alert for a region outside the focus (late, for the focus before a switch)', () => {
    const socket = new FakeSocket();
    let state: FocusState | null = null;
    const stream = new FocusStream(
      socket.asSocket(),
      { state: (s) => (state = s), connection: () => {}, problem: () => {} },
      { contains: (focus, region) => region.startsWith(focus) },
    );
    socket.connectNow();
    stream.focus(S1);
    socket.deliver(SocketEvent.snapshot, snapshot(S1, 5));
    socket.deliver(SocketEvent.alert, makeAlert(6, { regionId: '150602002001001' }));
    socket.deliver(SocketEvent.alert, { id: 'bad' });
    expect(state!.alerts).toEqual([]);
  });

  it('sends the chosen heat metric with the next subscription', () => {
    const { socket, stream, subscriptions } = setup();
    socket.connectNow();
    stream.setMetric('per1000');
    stream.focus(D);
    expect(subscriptions()).toEqual([{ regionId: D, metric: 'per1000' }]);
  });

  it('passes a geography change on', () => {
    const socket = new FakeSocket();
    const geographyChanged = vi.fn();
    new FocusStream(socket.asSocket(), { state: () => {}, connection: () => {}, problem: () => {}, geographyChanged });
    socket.deliver(SocketEvent.geographyChanged, { serverTime: '2025-01-01T00:00:00Z' });
    expect(geographyChanged).toHaveBeenCalledOnce();
  });

  it('drops its state and subscribes afresh on resync', () => {
    const { socket, stream, seen, subscriptions } = setup();
    socket.connectNow();
    stream.focus(D);
    socket.deliver(SocketEvent.snapshot, snapshot(D, 5));
    stream.resync();
    expect(seen.state).toBeNull();
    expect(subscriptions().at(-1)).toEqual({ regionId: D, metric: 'open' });
  });
});
