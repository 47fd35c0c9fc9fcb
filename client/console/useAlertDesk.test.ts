import { describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import type { Alert } from '../../shared/alerts/alert';
import type { EventTransition, GridEvent } from '../../shared/events/gridEvent';
import { SocketEvent } from '../../shared/protocol/socketProtocol';
import { FakeSocket } from '../stream/testing/fakeSocket';
import { delta, makeAlert, makeEvent, snapshot } from '../stream/testing/fixtures';
import type { ConsoleApi, TransitionBody } from './consoleApi';
import { followLink } from './deskLink';
import { useAlertDesk } from './useAlertDesk';
import { useFocusLink } from './useFocusLink';

const ok = <T>(data: T) => ({ ok: true as const, status: 200, data });
const refused = (status: number, body: unknown) => ({ ok: false as const, status, error: 'x', message: 'refused', body });

/** A server holding some alerts and events, answering as the real one does (409 on a stale expectation). */
function fakeServer(alerts: Alert[], events: GridEvent[]) {
  const A = new Map(alerts.map((a) => [a.id, a]));
  const E = new Map(events.map((e) => [e.id, e]));
  const history = new Map<string, EventTransition[]>();
  let seq = 100;
  const calls: string[] = [];
  const api = {
    listOpenAlerts: vi.fn(async () => ok({ alerts: [...A.values()].filter((a) => a.state !== 'handled'), nextCursor: null })),
    listEvents: vi.fn(async () => ok({ events: [...E.values()], nextCursor: null })),
    getEvent: vi.fn(async (id: string) => (E.has(id) ? ok({ event: E.get(id)!, history: history.get(id) ?? [] }) : refused(404, {}))),
    transition: vi.fn(async (id: string, b: TransitionBody) => {
      calls.push(`${b.action}@${b.expectedStatus}`);
      const e = E.get(id)!;
      if (e.status !== b.expectedStatus) return refused(409, { error: 'changed_meanwhile', message: 'm', status: e.status, event: e });
      const to = ({ accept: 'accepted', dispatch: 'dispatched', start: 'handling', resolve: 'resolved', close: 'closed', reject: 'rejected' } as const)[b.action as 'accept'];
      const next = { ...e, status: to, updatedSeq: ++seq, unit: b.unit ?? e.unit };
      E.set(id, next);
      return ok({ event: next, transition: { seq, eventId: id, action: b.action, fromStatus: e.status, toStatus: to, actor: b.actor, note: b.note ?? '', unit: b.unit ?? null, at: '2025-01-01T08:00:00.000Z' } });
    }),
    actOnAlert: vi.fn(async (id: string, action: string, expected: string, actor: string) => {
      calls.push(`${action}@${expected}`);
      const a = A.get(id)!;
      if (a.state !== expected) return refused(409, { error: 'changed_meanwhile', message: 'm', alert: a });
      const next: Alert = action === 'acknowledge'
        ? { ...a, seq: ++seq, state: 'acknowledged', acknowledgedBy: actor, acknowledgedAt: '2025-01-01T08:00:00.000Z' }
        : { ...a, seq: ++seq, state: 'handled', handledBy: actor, handledAt: '2025-01-01T08:00:00.000Z' };
      A.set(id, next);
      return ok({ alert: next });
    }),
  };
  /** Someone else acts directly on the server. */
  const meanwhile = {
    acknowledge(id: string, by: string) {
      A.set(id, { ...A.get(id)!, seq: ++seq, state: 'acknowledged', acknowledgedBy: by, acknowledgedAt: '2025-01-01T07:59:00.000Z' });
    },
    move(id: string, to: GridEvent['status'], by: string, action: string) {
      const e = E.get(id)!;
      E.set(id, { ...e, status: to, updatedSeq: ++seq });
      history.set(id, [...(history.get(id) ?? []), { seq, eventId: id, action, fromStatus: e.status, toStatus: to, actor: by, note: '', unit: null, at: '2025-01-01T07:59:30.000Z' }]);
    },
  };
  return { api: api as unknown as ConsoleApi, raw: api, calls, meanwhile, E, A };
}

function desk(server: ReturnType<typeof fakeServer>, onLiveAlert = vi.fn()) {
  return useAlertDesk({ api: server.api, actor: () => '值班员甲', scope: () => null, onLiveAlert });
}

describe('useAlertDesk', () => {
  it('loads the open alerts with their events, new first', async () => {
    const s = fakeServer([makeAlert(1, { state: 'acknowledged' }), makeAlert(2)], [makeEvent(1), makeEvent(2)]);
    const d = desk(s);
    await d.load();
    expect(d.queue.value.map((a) => a.id)).toEqual(['al-2', 'al-1']);
    expect(d.eventOf(d.queue.value[0])?.id).toBe('ev-2');
  });

  it('acknowledges and accepts a just-reported event, each with the state the officer saw', async () => {
    const s = fakeServer([makeAlert(1)], [makeEvent(1)]);
    const d = desk(s);
    await d.load();
    const out = await d.acknowledge(d.queue.value[0], true);
    expect(out).toEqual({ kind: 'done', action: 'accept' });
    expect(s.calls).toEqual(['acknowledge@new', 'accept@reported']);
    expect(d.queue.value[0]).toMatchObject({ state: 'acknowledged', acknowledgedBy: '值班员甲' });
    expect(d.eventOf(d.queue.value[0])?.status).toBe('accepted');
  });

  it('regression: acknowledging an alert another officer just acknowledged says who, and accepts nothing', async () => {
    const s = fakeServer([makeAlert(1)], [makeEvent(1)]);
    const d = desk(s);
    await d.load();
    const seen = d.queue.value[0];
    s.meanwhile.acknowledge('al-1', '值班员乙');
    const out = await d.acknowledge(seen, true);
    expect(out).toEqual({ kind: 'conflict', conflict: { kind: 'alert', by: '值班员乙', at: '2025-01-01T07:59:00.000Z', now: 'acknowledged', saw: 'new' } });
    expect(s.calls).toEqual(['acknowledge@new']);
    expect(d.queue.value[0]).toMatchObject({ state: 'acknowledged', acknowledgedBy: '值班员乙' });
    expect(d.outcomes.value.get('al-1')?.kind).toBe('conflict');
  });

  it('regression: a transition on an event someone moved meanwhile names them and shows the event as it is now', async () => {
    const s = fakeServer([makeAlert(1, { state: 'acknowledged' })], [makeEvent(1, { status: 'accepted' })]);
    const d = desk(s);
    await d.load();
    s.meanwhile.move('ev-1', 'dispatched', '值班员乙', 'dispatch');
    const out = await d.transition(d.queue.value[0], 'dispatch', { unit: '司法所' });
    expect(out).toMatchObject({ kind: 'conflict', conflict: { kind: 'event', by: '值班员乙', action: 'dispatch', now: 'dispatched', saw: 'accepted' } });
    expect(d.eventOf(d.queue.value[0])?.status).toBe('dispatched');
  });

  it('closing the event leaves its alerts to the server, and they leave the queue when they come back handled', async () => {
    const s = fakeServer(
      [makeAlert(1, { state: 'acknowledged' }), makeAlert(2, { id: 'dedicated', kind: 'dedicated_grid', eventId: 'ev-1' })],
      [makeEvent(1, { status: 'resolved' })],
    );
    const d = desk(s);
    await d.load();
    const critical = d.queue.value.find((a) => a.id === 'al-1')!;
    const out = await d.transition(critical, 'close', { note: '核查属实，已整改' });
    expect(out).toEqual({ kind: 'done', action: 'close' });
    // The server handles every alert about a closed event (a critical case in a dedicated grid raises two).
    expect(s.calls).toEqual(['close@resolved']);
    expect(s.raw.transition.mock.calls[0][1]).toMatchObject({ note: '核查属实，已整改', actor: '值班员甲' });
    for (const a of [...d.queue.value]) d.liveAlert({ ...a, seq: a.seq + 100, state: 'handled', handledBy: 'system', handledAt: '2025-01-01T03:00:00Z' });
    expect(d.queue.value).toEqual([]);
  });

  it('says when a 催办 comes too soon after the last one, rather than calling it a conflict', async () => {
    const s = fakeServer([makeAlert(1, { state: 'acknowledged' })], [makeEvent(1, { status: 'handling' })]);
    const nextAt = '2025-01-01T08:30:00.000Z';
    s.raw.transition.mockResolvedValueOnce(refused(409, { error: 'urge_too_soon', message: 'urged by 值班员乙', nextAt, minIntervalMinutes: 45 }) as never);
    const d = desk(s);
    await d.load();
    const out = await d.transition(d.queue.value[0], 'urge');
    expect(out).toEqual({ kind: 'error', error: { status: 409, message: 'urged by 值班员乙', urgeNextAt: nextAt, urgeMinMinutes: 45 } });
  });

  it('keeps the unmasked reporter read over REST when the stream brings the (masked) event', async () => {
    const s = fakeServer([makeAlert(1)], [makeEvent(1, { reporter: { name: '张三', phone: '13812345678' } })]);
    const d = desk(s);
    await d.load();
    d.liveEvents([makeEvent(1, { status: 'accepted', updatedSeq: 50, reporter: { name: '张*', phone: '138****5678' } })]);
    expect(d.events.value.get('ev-1')).toMatchObject({ status: 'accepted', reporter: { name: '张三', phone: '13812345678' } });
    // An older version arriving late changes nothing.
    d.liveEvents([makeEvent(1, { status: 'reported', updatedSeq: 10 })]);
    expect(d.events.value.get('ev-1')?.status).toBe('accepted');
  });

  it('tells of a live alert once, fetches its event, and drops it when another officer handles it', async () => {
    const s = fakeServer([], [makeEvent(7)]);
    const heard = vi.fn();
    const d = desk(s, heard);
    await d.load();
    const a = makeAlert(7);
    d.liveAlert(a);
    d.liveAlert(a);
    expect(heard).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(d.events.value.has('ev-7')).toBe(true));
    d.liveAlert({ ...a, seq: 8, state: 'handled', handledBy: '值班员乙' });
    expect(d.queue.value).toEqual([]);
  });

  it('does one action at a time per alert (a double click sends one request)', async () => {
    const s = fakeServer([makeAlert(1)], [makeEvent(1, { status: 'accepted' })]);
    const d = desk(s);
    await d.load();
    const a = d.queue.value[0];
    const [first, second] = await Promise.all([d.acknowledge(a, false), d.acknowledge(a, false)]);
    expect(first?.kind).toBe('done');
    expect(second).toBeNull();
    expect(s.calls).toEqual(['acknowledge@new']);
  });
});

/** The console's wiring: a desk following a live link over a fake socket, as ConsoleDesk.vue does. */
function onLink(server: ReturnType<typeof fakeServer>, onLiveAlert = vi.fn()) {
  const fake = new FakeSocket();
  const scope = effectScope();
  const { d, link } = scope.run(() => {
    const link = useFocusLink({ open: () => fake.asSocket() });
    const d = desk(server, onLiveAlert);
    followLink(link, d);
    return { d, link };
  })!;
  /** Connects and subscribes to the district; the server answers with a snapshot holding `alerts`. */
  const subscribe = (alerts: Alert[]) => {
    link.setFocus('150602');
    fake.connectNow();
    fake.ackLast({ ok: true, mode: 'snapshot' });
    fake.deliver(SocketEvent.snapshot, snapshot('150602', 10, { alerts }));
  };
  return { d, fake, subscribe, stop: () => scope.stop() };
}

/** The next read of the open alerts answers what the server holds now, but only once released. */
async function holdNextRead(server: ReturnType<typeof fakeServer>): Promise<() => void> {
  const answer = await server.raw.listOpenAlerts();
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  server.raw.listOpenAlerts.mockImplementationOnce(() => gate.then(() => answer));
  return release;
}

describe('useAlertDesk on the live link', () => {
  it('regression: a critical alert raised after the REST read but before the subscription (only in the snapshot) reaches the queue and rings', async () => {
    const s = fakeServer([makeAlert(1, { state: 'acknowledged' })], [makeEvent(1), makeEvent(4)]);
    const heard = vi.fn();
    const { d, subscribe, stop } = onLink(s, heard);
    await d.load();
    // Raised now: the server sends it on its own only to screens already subscribed, so the desk
    // learns of it from the snapshot's open list alone.
    const raised = makeAlert(4);
    subscribe([raised, s.A.get('al-1')!]);
    expect(d.queue.value.map((a) => a.id)).toEqual(['al-4', 'al-1']);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(heard).toHaveBeenCalledWith(raised);
    await vi.waitFor(() => expect(d.events.value.has('ev-4')).toBe(true));
    stop();
  });

  it('regression: an alert that arrives live while the REST read is in flight is not dropped by the read\'s older answer', async () => {
    const s = fakeServer([makeAlert(1)], [makeEvent(1), makeEvent(5)]);
    const { d, subscribe, fake, stop } = onLink(s);
    subscribe([s.A.get('al-1')!]);
    const release = await holdNextRead(s); // read before the alert is raised, answered after
    const loading = d.load();
    fake.deliver(SocketEvent.alert, makeAlert(5));
    fake.deliver(SocketEvent.alert, { ...makeAlert(1), seq: 6, state: 'handled', handledBy: '值班员乙' });
    release();
    await loading;
    expect(d.queue.value.map((a) => a.id)).toEqual(['al-5']);
    stop();
  });

  it('a snapshot that comes before the first REST answer rings only for the alerts that answer does not know', async () => {
    const s = fakeServer([makeAlert(1)], [makeEvent(1), makeEvent(6)]);
    const heard = vi.fn();
    const { d, subscribe, stop } = onLink(s, heard);
    const release = await holdNextRead(s);
    const loading = d.load();
    subscribe([makeAlert(6), s.A.get('al-1')!]);
    expect(heard).not.toHaveBeenCalled();
    release();
    await loading;
    expect(d.queue.value.map((a) => a.id)).toEqual(['al-6', 'al-1']);
    expect(heard.mock.calls.map(([a]) => a.id)).toEqual(['al-6']);
    stop();
  });

  it('a resumed link\'s catch-up replaces the queue: alerts handled while it was down leave, ones raised arrive', async () => {
    const s = fakeServer([makeAlert(1), makeAlert(2)], [makeEvent(1), makeEvent(2), makeEvent(7)]);
    const { d, subscribe, fake, stop } = onLink(s);
    await d.load();
    subscribe([...s.A.values()]);
    fake.dropNow();
    fake.connectNow();
    fake.ackLast({ ok: true, mode: 'resumed' });
    fake.deliver(SocketEvent.delta, delta('150602', 10, 12, { alerts: [makeAlert(7), { ...makeAlert(2), seq: 8, state: 'acknowledged' }], alertsComplete: true }));
    expect(d.queue.value.map((a) => [a.id, a.state])).toEqual([['al-7', 'new'], ['al-2', 'acknowledged']]);
    stop();
  });
});
