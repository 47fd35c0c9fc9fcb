import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import type { HeatMetric } from '../../shared/protocol/subscribeSchema';
import { SocketEvent } from '../../shared/protocol/socketProtocol';
import type { ApiClient } from '../auth/apiClient';
import { FakeSocket } from '../stream/testing/fakeSocket';
import { useWallDriver } from './useWallDriver';
import type { WallSocket } from './wallDriver';
import type { WallInfo } from './wallsApi';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const wall = (id: string, drivenBy: string | null = null): WallInfo => ({ id, name: id, scopeRegionId: null, connections: 1, drivenBy, follow: null });

function setup(walls: WallInfo[] = [wall('hall'), wall('lobby')]) {
  const socket = new FakeSocket();
  const list = { walls, hang: false };
  const api = vi.fn(() => (list.hang ? new Promise(() => {}) : Promise.resolve({ ok: true as const, status: 200, data: list.walls }))) as unknown as ApiClient;
  const view = ref<{ regionId: string; metric: HeatMetric } | null>({ regionId: '150602', metric: 'open' });
  const scope = effectScope();
  const d = scope.run(() => useWallDriver({ socket: socket as unknown as WallSocket, api, me: () => '王领导', view: () => view.value, settleMs: 300 }))!;
  const pushes = () => socket.emitted.filter((e) => e.event === SocketEvent.wallPush).map((e) => e.args[0]);
  return { socket, list, d, view, scope, pushes };
}

describe('useWallDriver', () => {
  it('chooses all walls by default, and single walls out of all', async () => {
    const { d } = setup();
    await vi.advanceTimersByTimeAsync(0);
    expect(d.chosen.value).toBe('*');
    d.choose('lobby', false);
    expect([...(d.chosen.value as Set<string>)]).toEqual(['hall']);
    d.choose('*', true);
    expect(d.chosen.value).toBe('*');
  });

  it('sends a settled view change to the walls that follow: not before the quiet time, then once', async () => {
    const { socket, d, view, pushes, list } = setup();
    await vi.advanceTimersByTimeAsync(0);
    const pushed = d.push();
    list.walls = [wall('hall', '王领导'), wall('lobby')];
    socket.ackLast({ ok: true, screens: ['hall'], skipped: [] });
    await pushed;
    expect(d.followers.value).toEqual(['hall']);
    view.value = { regionId: '150602001', metric: 'open' };
    await nextTick();
    view.value = { regionId: '150602001001', metric: 'open' };
    await nextTick();
    await vi.advanceTimersByTimeAsync(299);
    expect(pushes()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(pushes()).toHaveLength(2);
    expect(pushes()[1]).toEqual({ regionId: '150602001001', metric: 'open', screens: ['hall'] });
  });

  it('counts a wall the list says this leader drives as following (after a reload of the tablet)', async () => {
    const { d } = setup([wall('hall', '王领导'), wall('lobby', '李领导')]);
    await vi.advanceTimersByTimeAsync(0);
    expect(d.followers.value).toEqual(['hall']);
  });

  it('regression: signing out while the list was being re-read after a push still lets the wall go', async () => {
    const { socket, d, list } = setup();
    await vi.advanceTimersByTimeAsync(0);
    void d.push();
    list.hang = true;
    socket.ackLast({ ok: true, screens: ['hall'], skipped: [] });
    await vi.advanceTimersByTimeAsync(0);
    // The push is still busy (re-reading the list) when the leader leaves.
    expect(d.busy.value).toBe(true);
    expect(d.followers.value).toEqual(['hall']);
    d.abandon();
    const release = socket.emitted.find((e) => e.event === SocketEvent.wallRelease);
    expect(release?.args[0]).toEqual({ screens: ['hall'] });
  });

  it('lets a push still unanswered go as soon as it is answered, once the leader has left', async () => {
    const { socket, d } = setup();
    await vi.advanceTimersByTimeAsync(0);
    const pushed = d.push();
    d.abandon();
    expect(socket.emitted.some((e) => e.event === SocketEvent.wallRelease)).toBe(false);
    socket.ackLast({ ok: true, screens: ['hall'], skipped: [] });
    await pushed;
    expect(socket.emitted.filter((e) => e.event === SocketEvent.wallRelease).map((e) => e.args[0])).toEqual([{ screens: ['hall'] }]);
  });

  it('stops reading the list and following when its scope ends', async () => {
    const { d, scope, view, pushes, socket, list } = setup();
    await vi.advanceTimersByTimeAsync(0);
    const pushed = d.push();
    list.walls = [wall('hall', '王领导'), wall('lobby')];
    socket.ackLast({ ok: true, screens: ['hall'], skipped: [] });
    await pushed;
    scope.stop();
    view.value = { regionId: '150602001', metric: 'today' };
    await vi.advanceTimersByTimeAsync(20_000);
    expect(pushes()).toHaveLength(1);
  });
});
