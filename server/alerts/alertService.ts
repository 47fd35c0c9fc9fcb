import type { Logger } from 'pino';
import { ALERT_SYSTEM_ACTOR, type Alert, type AlertState } from '../../shared/alerts/alert';
import type { AlertAction } from '../../shared/alerts/alertLifecycle';
import { alertsForChange, spikeAlert, type AlertRules, type NewAlert } from '../../shared/alerts/alertRules';
import type { GeoContext } from '../geo/geoContext';
import type { RegionAggregates } from '../aggregates/regionAggregates';
import type { EventChange } from '../events/eventWriter';
import type { AlertSource } from '../stream/streamHub';
import { isFinal } from '../../shared/events/status';
import type { AlertActOutcome, AlertStore } from './alertStore';

export interface AlertServiceDeps {
  store: AlertStore;
  rules: AlertRules;
  geo: GeoContext;
  aggregates: RegionAggregates;
  now: () => number;
  log: Logger;
  /** Told of every alert raised or changed (the stream sends it at once); `local` when raised or changed here. */
  onAlert: (a: Alert, local: boolean) => void;
}

/**
 * Applies the alert rules to every durable change of an event, stores what they raise (once
 * per alert id) and keeps the alerts not yet handled in memory for screens.
 */
export class AlertService implements AlertSource {
  private readonly open = new Map<string, Alert>();
  private readonly raising = new Set<string>();

  constructor(private readonly deps: AlertServiceDeps) {}

  /** Loads the alerts not yet handled. */
  async start(): Promise<void> {
    for (const a of await this.deps.store.openAlerts()) this.open.set(a.id, a);
  }

  /** The writer calls this after each durable batch, in seq order. */
  onChanges(changes: readonly EventChange[]): void {
    const { geo, aggregates, rules, now } = this.deps;
    const h = geo.current.hierarchy;
    const at = now();
    for (const { before, event } of changes) {
      const gridId = aggregates.gridOf(event);
      const grid = gridId === null ? undefined : h.get(gridId);
      for (const a of alertsForChange(before, event, grid, rules, at)) this.raise(a);
      if (isFinal(event.status) && (before === null || !isFinal(before.status))) this.handleAlertsOf(event.id);
      if (before === null && gridId !== null && rules.spike.enabled)
        for (const id of h.path(gridId)) {
          const region = h.get(id)!;
          if (!rules.spike.levels.includes(region.level)) continue;
          const spike = spikeAlert(region, aggregates.hourly(id), rules, at);
          if (spike) this.raise(spike);
        }
    }
  }

  private raise(a: NewAlert): void {
    if (this.open.has(a.id) || this.raising.has(a.id)) return;
    this.raising.add(a.id);
    this.deps.store
      .raise(a)
      .then(({ created, alert }) => {
        if (!created) return;
        this.open.set(alert.id, alert);
        this.deps.onAlert(alert, true);
      })
      .catch((err) => this.deps.log.error({ err, alert: a.id }, 'raising an alert failed'))
      .finally(() => this.raising.delete(a.id));
  }

  /**
   * An event that reached a final status (closed or rejected) needs no more chasing: its open
   * alerts are handled with it, by the system, so that consoles and walls do not keep listing a
   * critical or overdue case that is already done. An officer who acted first wins (409-style
   * refusal, ignored here).
   */
  private handleAlertsOf(eventId: string): void {
    for (const a of this.open.values())
      if (a.eventId === eventId)
        this.act(a.id, 'handle', ALERT_SYSTEM_ACTOR).catch((err) => this.deps.log.error({ err, alert: a.id }, 'handling the alerts of a finished event failed'));
  }

  /** A person acts on an alert; a change is streamed, a conflict explained. */
  async act(id: string, action: AlertAction, actor: string, expectedState?: AlertState): Promise<AlertActOutcome> {
    const out = await this.deps.store.act(id, action, actor, this.deps.now(), expectedState);
    if (out.type === 'changed') {
      if (out.alert.state === 'handled') this.open.delete(id);
      else this.open.set(id, out.alert);
      this.deps.onAlert(out.alert, true);
    }
    return out;
  }

  /** An alert raised or changed by another server process. */
  onRemote(alert: Alert): void {
    const held = this.open.get(alert.id);
    if (held && held.seq >= alert.seq) return;
    if (alert.state === 'handled') this.open.delete(alert.id);
    else this.open.set(alert.id, alert);
    this.deps.onAlert(alert, false);
  }

  /** Alerts not yet handled inside `regionId` (any level), newest first. */
  openAlerts(regionId: string): Alert[] {
    const h = this.deps.geo.current.hierarchy;
    return [...this.open.values()].filter((a) => h.path(a.regionId).includes(regionId)).sort((a, b) => b.seq - a.seq);
  }
}
