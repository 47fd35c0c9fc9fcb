import type { Alert } from '../../shared/alerts/alert';
import type { ScreenCounters } from '../../shared/aggregates/regionCounters';
import type { GridEvent } from '../../shared/events/gridEvent';
import type { FocusDelta, FocusSnapshot, HourlySeries, PanelCounters } from '../../shared/protocol/socketProtocol';
import type { HeatMetric } from '../../shared/protocol/subscribeSchema';
import { readAlerts, readHourly, readMetric, readPanels, readWarnAt } from './inbound';
import { SLA_WARN_AT } from '../wall/slaWarnAt';

/** What a screen holds for its focus: the last snapshot with every delta since merged in. */
export interface FocusState {
  regionId: string;
  /** Store sequence this state reflects; the next delta must start from it. */
  seq: number;
  serverTime: string;
  /** The heat metric the server echoed for this subscription (null from a server that does not). */
  metric: HeatMetric | null;
  /** The server's time-limit warning threshold (SLA_WARN_AT from a server that does not say). */
  warnAt: number;
  /** Counters of the focused region and the regions on its map, by region id. */
  counters: Readonly<Record<string, ScreenCounters>>;
  /** Newest first (by report time, then seq), at most the list limit. */
  events: readonly GridEvent[];
  /** Events per hour in the focus, 48 hours (null until a server sends it). */
  hourly: HourlySeries | null;
  /** Alerts not yet handled, newest first, at most ALERT_LIST_LIMIT. */
  alerts: readonly Alert[];
  /** Other panels' counters (volunteer, serviceCard) by panel, then region id, as the server sent them. */
  panels: Readonly<PanelCounters>;
}

/** How many events a screen keeps: a wall lists a dozen and puts the rest on the map. */
export const EVENT_LIST_LIMIT = 50;
/** How many unhandled alerts a screen keeps; the strip shows the newest few and the count. */
export const ALERT_LIST_LIMIT = 30;

/**
 * Replaces the state with a snapshot, or returns null when the snapshot is for a region that is
 * no longer the focus (it was answering a subscription we have since moved away from).
 * `pendingAlerts`: alerts that arrived on their own before the snapshot; the newer version wins.
 */
export function applySnapshot(
  focusId: string,
  snapshot: FocusSnapshot,
  limit = EVENT_LIST_LIMIT,
  pendingAlerts: readonly Alert[] = [],
): FocusState | null {
  if (snapshot.regionId !== focusId) return null;
  return {
    regionId: snapshot.regionId,
    seq: snapshot.seq,
    serverTime: snapshot.serverTime,
    metric: readMetric(snapshot.metric),
    warnAt: readWarnAt(snapshot.warnAt) ?? SLA_WARN_AT,
    counters: { ...snapshot.counters },
    events: mergeEvents([], snapshot.events, limit),
    hourly: readHourly(snapshot.hourly),
    alerts: mergeAlerts(readAlerts(snapshot.alerts), pendingAlerts),
    panels: readPanels(snapshot.panels),
  };
}

export type DeltaResult =
  /** Merged: use `state` from now on. */
  | { kind: 'applied'; state: FocusState }
  /** Not for us (another region, no snapshot yet, or already seen): drop it. */
  | { kind: 'ignored' }
  /** It does not follow on from what we hold: ask for a fresh snapshot. */
  | { kind: 'gap' };

/** Merges a delta into the state without mutating it; see DeltaResult for the outcomes. */
export function applyDelta(
  focusId: string,
  current: FocusState | null,
  delta: FocusDelta,
  limit = EVENT_LIST_LIMIT,
): DeltaResult {
  if (delta.regionId !== focusId || !current || current.regionId !== focusId) return { kind: 'ignored' };
  // A delta from exactly where we are follows on, even when its seq did not move: the server
  // sends those when only volunteer or service-card panels, alerts or the day changed (their
  // stores do not advance the event seq). Re-applying one is harmless (per-id replaces).
  if (delta.fromSeq !== current.seq) {
    // One we already hold (a retransmission after the snapshot that covers it) is harmless.
    if (delta.seq <= current.seq) return { kind: 'ignored' };
    return { kind: 'gap' };
  }
  if (delta.seq < current.seq) return { kind: 'ignored' };
  const alerts = readAlerts(delta.alerts);
  return {
    kind: 'applied',
    state: {
      regionId: current.regionId,
      seq: delta.seq,
      serverTime: delta.serverTime,
      metric: current.metric,
      warnAt: current.warnAt,
      // Deltas carry each changed region's full counters, so a per-id replace is the whole merge.
      counters: { ...current.counters, ...delta.counters },
      events: mergeEvents(current.events, delta.events, limit),
      hourly: readHourly(delta.hourly) ?? current.hourly,
      // A catch-up after a reconnect holds every open alert: what it leaves out was handled meanwhile.
      alerts: delta.alertsComplete === true ? mergeAlerts([], alerts) : alerts.length > 0 ? mergeAlerts(current.alerts, alerts) : current.alerts,
      panels: mergePanels(current.panels, readPanels(delta.panels)),
    },
  };
}

/** Per panel, a per-region replace (deltas carry each changed region's full panel counters). */
export function mergePanels(held: Readonly<PanelCounters>, incoming: PanelCounters): Readonly<PanelCounters> {
  const names = Object.keys(incoming);
  if (names.length === 0) return held;
  const out: PanelCounters = { ...held };
  for (const n of names) out[n] = { ...held[n], ...incoming[n] };
  return out;
}

/** Merges one alert sent on its own (SocketEvent.alert) into the state, without mutating it. */
export function applyAlert(current: FocusState, alert: Alert): FocusState {
  return { ...current, alerts: mergeAlerts(current.alerts, [alert]) };
}

/**
 * Union by id, keeping the most recent change of each alert (by seq), without the handled ones,
 * newest raised first, cut to `limit`. The same alert arrives twice — on its own at once and in
 * the next delta — so the merge must be idempotent.
 */
export function mergeAlerts(held: readonly Alert[], incoming: readonly Alert[], limit = ALERT_LIST_LIMIT): Alert[] {
  const byId = new Map<string, Alert>();
  for (const a of held) byId.set(a.id, a);
  for (const a of incoming) {
    const prev = byId.get(a.id);
    if (!prev || a.seq >= prev.seq) byId.set(a.id, a);
  }
  const keyed = [...byId.values()].filter((a) => a.state !== 'handled').map((a) => ({ a, t: Date.parse(a.raisedAt) }));
  keyed.sort((x, y) => y.t - x.t || y.a.seq - x.a.seq);
  return keyed.slice(0, limit).map((k) => k.a);
}

/**
 * Union by id, keeping the most recently updated version of each event; of those the `limit`
 * most recently stored (highest creation seq: the server's FeedWindow keeps a windowed screen's
 * list by the same rule, and sends nothing outside it), shown newest first by report time, then
 * seq: reports arrive up to minutes late (a phone offline on patrol), and listing by arrival would
 * show times out of order. An update for an event that has already dropped off the list is cut
 * again, rather than jumping back in.
 */
export function mergeEvents(held: readonly GridEvent[], incoming: readonly GridEvent[], limit: number): GridEvent[] {
  const byId = new Map<string, GridEvent>();
  for (const e of held) byId.set(e.id, e);
  for (const e of incoming) {
    const prev = byId.get(e.id);
    if (!prev || e.updatedSeq >= prev.updatedSeq) byId.set(e.id, e);
  }
  const kept = [...byId.values()].sort((a, b) => b.seq - a.seq).slice(0, limit);
  const keyed = kept.map((e) => ({ e, t: Date.parse(e.reportedAt) }));
  keyed.sort((a, b) => b.t - a.t || b.e.seq - a.e.seq);
  return keyed.map((k) => k.e);
}
