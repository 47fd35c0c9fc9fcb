import { computed, shallowRef, triggerRef } from 'vue';
import type { Alert } from '../../shared/alerts/alert';
import type { Action } from '../../shared/events/eventLifecycle';
import type { GridEvent } from '../../shared/events/gridEvent';
import { isFinal } from '../../shared/events/status';
import type { ApiResult } from '../auth/apiClient';
import { foldAlerts, queueOrder } from './alertQueue';
import { alertConflictSchema, transitionConflictSchema } from './apiSchemas';
import type { ConsoleApi, EventDetail } from './consoleApi';
import { alertConflict, eventConflict, type DeskConflict } from './deskConflict';

/** Why an action did not go through, other than someone acting first. */
export interface DeskError {
  /** HTTP status (0: no answer; 403: the role may not). */
  status: number;
  message: string;
  /** A 催办 sent too soon after the last one: when the next is allowed (ISO), and the server's minimum interval. */
  urgeNextAt?: string;
  urgeMinMinutes?: number;
}

/** What happened to the officer's last action on an alert, shown on its row. */
export type DeskOutcome = { kind: 'conflict'; conflict: DeskConflict } | { kind: 'error'; error: DeskError } | { kind: 'done'; action: string };

/** The server's 409 for a 催办 within the minimum interval of the last one. */
function isUrgeTooSoon(body: unknown): body is { message: string; nextAt: string; minIntervalMinutes: number } {
  const b = body as { error?: unknown; message?: unknown; nextAt?: unknown; minIntervalMinutes?: unknown } | null;
  return !!b && b.error === 'urge_too_soon' && typeof b.message === 'string' && typeof b.nextAt === 'string' && typeof b.minIntervalMinutes === 'number';
}

export interface AlertDeskOptions {
  api: ConsoleApi;
  /** The name actions are recorded under (the signed-in person). */
  actor: () => string;
  /** The region the queue covers (the officer's scope); null: everywhere. */
  scope: () => string | null;
  /** A live alert arrived (for the sound). */
  onLiveAlert?: (a: Alert) => void;
}

/** Most alerts loaded at once (pages of 500). */
const MAX_ALERTS = 2000;
/** Event look-ups in flight at once. */
const EVENT_FETCH_WIDTH = 4;

/** What the live link brought: one alert, or (`complete`) the whole open list as of a (re)subscription. */
interface LiveAlerts {
  alerts: readonly Alert[];
  complete: boolean;
}

/**
 * The open list as of a (re)subscription replaces the queue: an alert missing from it was handled
 * meanwhile, and one raised after it follows on the link. Only a version held that is newer than
 * the list's (an action's answer) is kept.
 */
function replaceOpen(held: ReadonlyMap<string, Alert>, open: readonly Alert[]): ReadonlyMap<string, Alert> {
  const next = new Map<string, Alert>();
  for (const a of open) {
    if (a.state === 'handled') continue;
    const mine = held.get(a.id);
    const kept = next.get(a.id);
    const newest = mine && mine.seq > a.seq ? mine : a;
    if (!kept || newest.seq > kept.seq) next.set(a.id, newest);
  }
  return next;
}

const applyLive = (held: ReadonlyMap<string, Alert>, l: LiveAlerts) => (l.complete ? replaceOpen(held, l.alerts) : foldAlerts(held, l.alerts));

/**
 * The duty officer's desk: the alert queue (from REST, then kept live from the socket), the
 * event behind each alert (read over REST — unmasked for officers — and kept current from the
 * stream's deltas), and the actions, each one call with the state the officer saw, so a change
 * someone made meanwhile comes back as a conflict naming them rather than being overwritten.
 */
export function useAlertDesk(o: AlertDeskOptions) {
  const alerts = shallowRef<ReadonlyMap<string, Alert>>(new Map());
  const events = shallowRef<Map<string, GridEvent>>(new Map());
  const loading = shallowRef(false);
  const loadError = shallowRef<DeskError | null>(null);
  /** Alerts with an action in flight (their buttons wait). */
  const busy = shallowRef<ReadonlySet<string>>(new Set());
  /** The outcome of the last action on each alert, until the next one. */
  const outcomes = shallowRef<ReadonlyMap<string, DeskOutcome>>(new Map());
  /** The event open in the drawer, with its history. */
  const detail = shallowRef<EventDetail | null>(null);
  const detailError = shallowRef<DeskError | null>(null);
  const pendingEvents = new Set<string>();
  /** Per load in flight: what the live link brought meanwhile, replayed over its (possibly older) REST answer. */
  const journals = new Set<LiveAlerts[]>();
  /** A load has answered: alerts the link brings that the desk does not hold are new since. */
  let loaded = false;
  /** Alerts first seen in an open list before any load answered: told of if that answer lacks them (raised after it). */
  const untold = new Map<string, Alert>();

  const queue = computed(() => queueOrder(alerts.value.values()));

  function foldIn(list: readonly Alert[]): void {
    const next = foldAlerts(alerts.value, list);
    if (next !== alerts.value) alerts.value = next;
  }

  /** Keeps the newest version of an event; the reporter as read over REST (the stream's is masked). */
  function putEvent(e: GridEvent, fromStream = false): void {
    const held = events.value.get(e.id);
    if (held && held.updatedSeq > e.updatedSeq) return;
    events.value.set(e.id, fromStream && held ? { ...e, reporter: held.reporter } : e);
    triggerRef(events);
    if (detail.value?.event.id === e.id && (!held || held.updatedSeq !== e.updatedSeq)) void openDetail(e.id, true);
  }

  function setOutcome(alertId: string, outcome: DeskOutcome | null): void {
    const next = new Map(outcomes.value);
    if (outcome) next.set(alertId, outcome);
    else next.delete(alertId);
    outcomes.value = next;
  }

  function setBusy(alertId: string, on: boolean): void {
    const next = new Set(busy.value);
    if (on) next.add(alertId);
    else next.delete(alertId);
    busy.value = next;
  }

  const failure = (r: Extract<ApiResult<unknown>, { ok: false }>): DeskError => ({ status: r.status, message: r.message });

  /** Loads the queue afresh (at the start, and after the live link had to start over). */
  async function load(): Promise<void> {
    loading.value = true;
    loadError.value = null;
    const journal: LiveAlerts[] = [];
    journals.add(journal);
    try {
      const all: Alert[] = [];
      let cursor: string | null = null;
      do {
        const r = await o.api.listOpenAlerts(o.scope(), cursor);
        if (!r.ok) {
          loadError.value = failure(r);
          return;
        }
        all.push(...r.data.alerts);
        cursor = r.data.nextCursor;
      } while (cursor && all.length < MAX_ALERTS);
      // A fresh list replaces what was held, except newer versions held (an action's answer)…
      const read = new Map(all.map((a) => [a.id, a]));
      const fresh = new Map(read);
      for (const [id, held] of alerts.value) {
        const f = read.get(id);
        if (f && held.seq > f.seq) fresh.set(id, held);
      }
      let next: ReadonlyMap<string, Alert> = fresh;
      // …and what the live link brought while the list was read: the read may predate an alert
      // raised meanwhile (or one handled), and the link told of it only once.
      for (const l of journal) next = applyLive(next, l);
      alerts.value = next;
      loaded = true;
      for (const [id, a] of untold) if (next.has(id) && !read.has(id)) o.onLiveAlert?.(a);
      untold.clear();
      await loadEvents();
    } finally {
      journals.delete(journal);
      loading.value = false;
    }
  }

  /** Reads the events of the queue's alerts not held yet: in one list call when many, else one by one. */
  async function loadEvents(): Promise<void> {
    const missing = () => queue.value.map((a) => a.eventId).filter((id): id is string => id !== null && !events.value.has(id));
    if (missing().length > 8) {
      const r = await o.api.listEvents({ regionId: o.scope(), status: 'open', severity: 'urgent,critical' });
      if (r.ok) for (const e of r.data.events) if (!events.value.has(e.id)) putEvent(e);
    }
    const todo = missing();
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(EVENT_FETCH_WIDTH, todo.length) }, async () => {
        while (next < todo.length) await ensureEvent(todo[next++]);
      }),
    );
  }

  /** Reads one event unless held or on its way. */
  async function ensureEvent(id: string): Promise<void> {
    if (events.value.has(id) || pendingEvents.has(id)) return;
    pendingEvents.add(id);
    try {
      const r = await o.api.getEvent(id);
      if (r.ok) putEvent(r.data.event);
    } finally {
      pendingEvents.delete(id);
    }
  }

  /** A new or changed alert from the socket. */
  function liveAlert(a: Alert): void {
    // The socket is focused on the scope: the server sends only alerts inside it.
    const had = alerts.value.has(a.id);
    for (const j of journals) j.push({ alerts: [a], complete: false });
    foldIn([a]);
    if (!had && a.state !== 'handled') {
      o.onLiveAlert?.(a);
      if (a.eventId) void ensureEvent(a.eventId);
    }
  }

  /**
   * The focus's whole open list from the socket: a snapshot's, or a resumed link's catch-up
   * (`alertsComplete`). The server sends an alert on its own only to screens already subscribed,
   * so one raised between the REST read and the subscription is only here; one handled while the
   * link was down is missing here.
   */
  function liveOpenAlerts(list: readonly Alert[]): void {
    const before = alerts.value;
    for (const j of journals) j.push({ alerts: list, complete: true });
    const next = replaceOpen(before, list);
    alerts.value = next;
    for (const a of next.values()) {
      if (before.has(a.id)) continue;
      // Before any load answered, the desk cannot tell new from old: the load decides.
      if (loaded) o.onLiveAlert?.(a);
      else untold.set(a.id, a);
      if (a.eventId) void ensureEvent(a.eventId);
    }
  }

  /** Events changed in the focus (a delta): those the desk holds are brought up to date. */
  function liveEvents(list: readonly GridEvent[]): void {
    for (const e of list) if (events.value.has(e.id)) putEvent(e, true);
  }

  /** The event of an alert as last seen: undefined while loading, null when it has none. */
  function eventOf(a: Alert): GridEvent | null | undefined {
    return a.eventId === null ? null : events.value.get(a.eventId);
  }

  /** A 409 on an alert: what it is now and who acted. */
  function alertRefused(alert: Alert, body: unknown): DeskOutcome {
    const parsed = alertConflictSchema.safeParse(body);
    const now = parsed.success ? parsed.data.alert : undefined;
    if (!now) return { kind: 'error', error: { status: 409, message: parsed.success ? parsed.data.message : 'conflict' } };
    foldIn([now]);
    return { kind: 'conflict', conflict: alertConflict(now, alert.state) };
  }

  /** A 409 on a transition: the event as it is now, and who moved it there (from its history). */
  async function transitionRefused(saw: GridEvent, body: unknown): Promise<DeskOutcome> {
    const parsed = transitionConflictSchema.safeParse(body);
    if (parsed.success && parsed.data.event) putEvent({ ...parsed.data.event, reporter: parsed.data.event.reporter ?? saw.reporter });
    const d = await o.api.getEvent(saw.id);
    if (d.ok) putEvent(d.data.event);
    const now = d.ok ? d.data.event.status : parsed.success && parsed.data.status ? parsed.data.status : saw.status;
    return { kind: 'conflict', conflict: eventConflict(now, saw.status, d.ok ? d.data.history : null) };
  }

  async function run(alert: Alert, work: () => Promise<DeskOutcome>): Promise<DeskOutcome | null> {
    if (busy.value.has(alert.id)) return null;
    setBusy(alert.id, true);
    setOutcome(alert.id, null);
    try {
      const out = await work();
      setOutcome(alert.id, out);
      return out;
    } finally {
      setBusy(alert.id, false);
    }
  }

  /** "I have it": acknowledges the alert and, when its event was only just reported, accepts it (受理). */
  function acknowledge(alert: Alert, alsoAccept: boolean): Promise<DeskOutcome | null> {
    return run(alert, async () => {
      const r = await o.api.actOnAlert(alert.id, 'acknowledge', alert.state, o.actor());
      if (!r.ok) return r.status === 409 ? alertRefused(alert, r.body) : { kind: 'error', error: failure(r) };
      foldIn([r.data.alert]);
      const ev = eventOf(alert);
      if (!alsoAccept || !ev || ev.status !== 'reported') return { kind: 'done', action: 'acknowledge' };
      const t = await o.api.transition(ev.id, { action: 'accept', expectedStatus: ev.status, actor: o.actor() });
      if (!t.ok) return t.status === 409 ? transitionRefused(ev, t.body) : { kind: 'error', error: failure(t) };
      putEvent({ ...t.data.event, reporter: t.data.event.reporter ?? ev.reporter });
      return { kind: 'done', action: 'accept' };
    });
  }

  /**
   * Moves the alert's event one step (dispatch with a unit, start, resolve, close, …), with an
   * optional note. When the step ends the event (close, reject) the server handles its alerts
   * (every alert about it: a critical case in a dedicated grid raises two); they arrive handled on
   * the live link and leave the queue.
   */
  function transition(alert: Alert, action: Action, extra: { unit?: string; note?: string } = {}): Promise<DeskOutcome | null> {
    return run(alert, async () => {
      const ev = eventOf(alert);
      if (!ev) return { kind: 'error', error: { status: 0, message: 'event not loaded' } };
      const t = await o.api.transition(ev.id, { action, expectedStatus: ev.status, actor: o.actor(), ...(extra.note ? { note: extra.note } : {}), ...(extra.unit ? { unit: extra.unit } : {}) });
      if (!t.ok && t.status === 409 && isUrgeTooSoon(t.body)) return { kind: 'error', error: { status: 409, message: t.body.message, urgeNextAt: t.body.nextAt, urgeMinMinutes: t.body.minIntervalMinutes } };
      if (!t.ok) return t.status === 409 ? transitionRefused(ev, t.body) : { kind: 'error', error: failure(t) };
      putEvent({ ...t.data.event, reporter: t.data.event.reporter ?? ev.reporter });
      return { kind: 'done', action };
    });
  }

  /** Marks the alert handled (a spike dealt with, or its event already closed). */
  function handle(alert: Alert): Promise<DeskOutcome | null> {
    return run(alert, async () => {
      const r = await o.api.actOnAlert(alert.id, 'handle', alert.state, o.actor());
      if (!r.ok) return r.status === 409 ? alertRefused(alert, r.body) : { kind: 'error', error: failure(r) };
      foldIn([r.data.alert]);
      return { kind: 'done', action: 'handle' };
    });
  }

  let detailSeq = 0;
  /** Opens (or, `refresh`, re-reads) an event with its history for the drawer. */
  async function openDetail(eventId: string, refresh = false): Promise<void> {
    const mine = ++detailSeq;
    if (!refresh) {
      detail.value = null;
      detailError.value = null;
    }
    const r = await o.api.getEvent(eventId);
    if (mine !== detailSeq) return; // another one was opened meanwhile
    if (r.ok) {
      detail.value = r.data;
      const held = events.value.get(eventId);
      if (!held || held.updatedSeq <= r.data.event.updatedSeq) {
        events.value.set(eventId, r.data.event);
        triggerRef(events);
      }
    } else detailError.value = failure(r);
  }

  function closeDetail(): void {
    detailSeq++;
    detail.value = null;
    detailError.value = null;
  }

  function dismissOutcome(alertId: string): void {
    setOutcome(alertId, null);
  }

  return {
    alerts,
    events,
    queue,
    loading,
    loadError,
    busy,
    outcomes,
    detail,
    detailError,
    load,
    liveAlert,
    liveOpenAlerts,
    liveEvents,
    eventOf,
    acknowledge,
    transition,
    handle,
    openDetail,
    closeDetail,
    dismissOutcome,
  };
}

export type AlertDesk = ReturnType<typeof useAlertDesk>;
