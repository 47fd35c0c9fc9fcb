import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { SocketEvent } from '../../shared/protocol/socketProtocol';
import { FakeSocket } from './testing/fakeSocket';
import { counters, delta, snapshot } from './testing/fixtures';
import { WALL_EVENT_LIMIT, useLiveStore } from './useLiveStore';

const D = '150602';

describe('useLiveStore', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('subscribes to a focus chosen before the socket opened, once it connects', () => {
    const live = useLiveStore();
    const socket = new FakeSocket();
    live.setFocus(D);
    live.start({ open: () => socket.asSocket() });
    socket.connectNow();
    expect(socket.emitted.map((e) => e.args[0])).toEqual([{ regionId: D, metric: 'open', feed: WALL_EVENT_LIMIT }]);
  });

  it('exposes the merged state and the focus counters to readers', () => {
    const live = useLiveStore();
    const socket = new FakeSocket();
    live.start({ open: () => socket.asSocket() });
    socket.connectNow();
    live.setFocus(D);
    socket.deliver(SocketEvent.snapshot, snapshot(D, 1, { counters: { [D]: counters({ open: 2 }) } }));
    socket.deliver(SocketEvent.delta, delta(D, 1, 2, { counters: { [D]: counters({ open: 3 }) } }));
    expect(live.focusCounters?.open).toBe(3);
    expect(live.connection.status).toBe('live');
  });

  it('opens one socket however often start is called, and closes it on stop', () => {
    const live = useLiveStore();
    let opened = 0;
    const socket = new FakeSocket();
    const open = () => {
      opened++;
      return socket.asSocket();
    };
    live.start({ open });
    live.start({ open });
    expect(opened).toBe(1);
    live.stop();
    expect(socket.listenerCount()).toBe(0);
    expect(live.connection.status).toBe('closed');
  });

  it('closes its socket when the store itself is disposed', () => {
    const live = useLiveStore();
    const socket = new FakeSocket();
    live.start({ open: () => socket.asSocket() });
    live.$dispose();
    expect(socket.listenerCount()).toBe(0);
  });

  it('follows a view pushed to the wall, and says who drives it until released', () => {
    const live = useLiveStore();
    const socket = new FakeSocket();
    live.start({ open: () => socket.asSocket() });
    socket.connectNow();
    live.setFocus(D);
    socket.deliver(SocketEvent.wallFollow, { regionId: '150602001', metric: 'overdue', by: '王局长', since: '2025-01-01T00:00:00Z' });
    expect(live.focusId).toBe('150602001');
    expect(live.metric).toBe('overdue');
    expect(live.drivenBy?.by).toBe('王局长');
    socket.deliver(SocketEvent.wallFollow, { regionId: '150602001', metric: 'bogus', by: 'x', since: '' });
    expect(live.metric).toBe('overdue');
    socket.deliver(SocketEvent.wallReleased, { by: '王局长' });
    expect(live.drivenBy).toBeNull();
  });
});
