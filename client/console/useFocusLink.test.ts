import { describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { SocketEvent } from '../../shared/protocol/socketProtocol';
import { FakeSocket } from '../stream/testing/fakeSocket';
import { counters, makeAlert } from '../stream/testing/fixtures';
import { useFocusLink } from './useFocusLink';

function snapshot(regionId: string, serverTime: string) {
  return { regionId, metric: 'open', seq: 5, serverTime, counters: { [regionId]: counters({ open: 7 }) }, events: [], hourly: null, alerts: [], panels: {} };
}

describe('useFocusLink', () => {
  it('subscribes to the focus, exposes its counters and the server clock offset', () => {
    const fake = new FakeSocket();
    const scope = effectScope();
    const link = scope.run(() => useFocusLink({ open: () => fake.asSocket(), now: () => Date.parse('2025-01-01T00:00:00Z') }))!;
    link.setFocus('150602');
    fake.connectNow();
    expect(fake.emitted.find((e) => e.event === SocketEvent.subscribe)?.args[0]).toMatchObject({ regionId: '150602' });
    fake.deliver(SocketEvent.snapshot, snapshot('150602', '2025-01-01T00:00:02Z'));
    expect(link.focusCounters.value?.open).toBe(7);
    expect(link.serverOffsetMs.value).toBe(2000);
    expect(link.connection.value.status).toBe('live');
    scope.stop();
  });

  it('hands raw server events to extra listeners and removes them, and the socket, with its scope', () => {
    const fake = new FakeSocket();
    const scope = effectScope();
    const seen: string[] = [];
    const link = scope.run(() => useFocusLink({ open: () => fake.asSocket() }))!;
    link.on(SocketEvent.alert, (a) => seen.push(a.id));
    link.setFocus('150602');
    fake.connectNow();
    fake.deliver(SocketEvent.alert, makeAlert(1));
    expect(seen).toEqual(['al-1']);
    scope.stop();
    expect(fake.listenerCount()).toBe(0);
    expect(fake.connected).toBe(false);
  });

  it('regression: keeps the socket open after disposal until a last message is answered (the server drops one that precedes the disconnect)', async () => {
    const fake = new FakeSocket();
    const scope = effectScope();
    const link = scope.run(() => useFocusLink({ open: () => fake.asSocket() }))!;
    fake.connectNow();
    let answer!: () => void;
    link.linger(new Promise<void>((r) => (answer = r)));
    scope.stop();
    expect(fake.connected).toBe(true);
    answer();
    await vi.waitFor(() => expect(fake.connected).toBe(false));
  });

  it('closes the socket anyway once the linger time is up, not before', async () => {
    vi.useFakeTimers();
    try {
      const fake = new FakeSocket();
      const scope = effectScope();
      const link = scope.run(() => useFocusLink({ open: () => fake.asSocket(), lingerMs: 3000 }))!;
      fake.connectNow();
      link.linger(new Promise(() => {}));
      scope.stop();
      await vi.advanceTimersByTimeAsync(2999);
      expect(fake.connected).toBe(true);
      await vi.advanceTimersByTimeAsync(1);
      expect(fake.connected).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
