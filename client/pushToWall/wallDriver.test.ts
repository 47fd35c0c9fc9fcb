import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SocketEvent } from '../../shared/protocol/socketProtocol';
import { FakeSocket } from '../stream/testing/fakeSocket';
import { WallDriver, type WallSocket } from './wallDriver';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function driver(timeoutMs = 8000) {
  const socket = new FakeSocket();
  return { socket, d: new WallDriver(socket as unknown as WallSocket, { timeoutMs }) };
}

describe('WallDriver', () => {
  it('pushes the view and remembers the screens the server says follow', async () => {
    const { socket, d } = driver();
    const p = d.push('150602001', 'open', ['*']);
    expect(socket.emitted[0].event).toBe(SocketEvent.wallPush);
    expect(socket.emitted[0].args[0]).toEqual({ regionId: '150602001', metric: 'open', screens: ['*'] });
    socket.ackLast({ ok: true, screens: ['hall', 'lobby'], skipped: [] });
    expect(await p).toMatchObject({ ok: true, screens: ['hall', 'lobby'] });
    expect(d.following).toEqual(['hall', 'lobby']);
  });

  it('does not count a skipped screen as following', async () => {
    const { socket, d } = driver();
    const p = d.push('150602001', 'open', ['hall', 'street-3']);
    socket.ackLast({ ok: true, screens: ['hall'], skipped: [{ screen: 'street-3', reason: 'outside the screen\u2019s scope' }] });
    await p;
    expect(d.following).toEqual(['hall']);
  });

  it('sends every later move to the screens that follow, and nothing when none do', async () => {
    const { socket, d } = driver();
    expect(await d.moved('150602001001', 'today')).toBeNull();
    expect(socket.emitted).toHaveLength(0);
    const p = d.push('150602001', 'open', ['hall']);
    socket.ackLast({ ok: true, screens: ['hall'], skipped: [] });
    await p;
    const m = d.moved('150602001001', 'today');
    expect(socket.emitted[1].args[0]).toEqual({ regionId: '150602001001', metric: 'today', screens: ['hall'] });
    socket.ackLast({ ok: true, screens: [], skipped: [{ screen: 'hall', reason: 'not connected' }] });
    await m;
    expect(d.following).toEqual([]);
  });

  it('releases the screens that follow, and they follow no more', async () => {
    const { socket, d } = driver();
    const p = d.push('150602', 'open', ['hall']);
    socket.ackLast({ ok: true, screens: ['hall'], skipped: [] });
    await p;
    const r = d.release();
    expect(socket.emitted[1].event).toBe(SocketEvent.wallRelease);
    expect(socket.emitted[1].args[0]).toEqual({ screens: ['hall'] });
    socket.ackLast({ ok: true, screens: ['hall'], skipped: [] });
    expect((await r).ok).toBe(true);
    expect(d.following).toEqual([]);
  });

  it('gives up waiting at the timeout, not a millisecond before', async () => {
    const { d } = driver(5000);
    let result: unknown = null;
    void d.push('150602', 'open', ['*']).then((r) => (result = r));
    await vi.advanceTimersByTimeAsync(4999);
    expect(result).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(result).toMatchObject({ ok: false, problem: { code: 'timeout' } });
    expect(d.following).toEqual([]);
  });

  it('keeps a refusal as the answer (a role that may not drive)', async () => {
    const { socket, d } = driver();
    const p = d.push('150602', 'open', ['*']);
    socket.ackLast({ ok: false, problem: { code: 'unauthorised', message: 'a officer may not drive wall screens' } });
    expect(await p).toEqual({ ok: false, problem: { code: 'unauthorised', message: 'a officer may not drive wall screens' } });
  });

  it('drops screens another leader took over', async () => {
    const { socket, d } = driver();
    const p = d.push('150602', 'open', ['hall', 'lobby']);
    socket.ackLast({ ok: true, screens: ['hall', 'lobby'], skipped: [] });
    await p;
    d.reconcile((id) => id === 'hall');
    expect(d.following).toEqual(['hall']);
  });
});
