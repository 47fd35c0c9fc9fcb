import type { Logger } from 'pino';
import type { CountingGeography } from '../../aggregates/regionAggregates';
import type { GeoContext } from '../../geo/geoContext';
import type { CounterPanel } from '../../stream/streamHub';
import {
  addVolunteerContribution,
  cloneVolunteerCounters,
  emptyVolunteerCounters,
  rollOverVolunteerDays,
  type VolunteerCountable,
  type VolunteerCounters,
} from '../../../shared/volunteers/volunteerCounters';
import {
  addOrderContribution,
  cloneServiceCardCounters,
  emptyServiceCardCounters,
  rollOverServiceCardDay,
  type OrderCountable,
  type ServiceCardCounters,
} from '../../../shared/serviceCards/serviceCardCounters';
import type { ActivityStore, EntityUpdate, StoredEntity } from '../store/activityStore';
import { isActivityFinal } from '../../../shared/volunteers/activityLifecycle';
import { isOrderFinal } from '../../../shared/serviceCards/orderStages';
import { PanelAggregates, type CountedPlace, type CounterRules } from './panelAggregates';

/** Panel names under FocusSnapshot.panels / FocusDelta.panels. */
export const VOLUNTEER_PANEL = 'volunteer';
export const SERVICE_CARD_PANEL = 'serviceCard';

const ms = (s: string | null) => (s === null ? null : Date.parse(s));

export const volunteerRules: CounterRules<VolunteerCounters, VolunteerCountable> = {
  empty: emptyVolunteerCounters,
  add: addVolunteerContribution,
  rollOver: rollOverVolunteerDays,
  clone: cloneVolunteerCounters,
};

export const serviceCardRules: CounterRules<ServiceCardCounters, OrderCountable> = {
  empty: emptyServiceCardCounters,
  add: addOrderContribution,
  rollOver: (c) => rollOverServiceCardDay(c),
  clone: cloneServiceCardCounters,
};

/** Where a stored record counts, and what of it the volunteer panel counts (null: not its record). */
export function volunteerCountable(e: StoredEntity): { place: CountedPlace; x: VolunteerCountable } | null {
  switch (e.kind) {
    case 'team':
    case 'volunteer':
      return { place: { regionId: e.value.regionId, lon: null, lat: null }, x: { kind: e.kind } };
    case 'activity': {
      const a = e.value;
      return {
        place: { regionId: a.gridId, lon: a.lon, lat: a.lat },
        x: { kind: 'activity', type: a.type, status: a.status, startedAtMs: ms(a.startedAt), endedAtMs: ms(a.endedAt), residentVisits: a.residentVisits },
      };
    }
    case 'participation': {
      const p = e.value;
      return {
        place: { regionId: p.gridId, lon: p.lon, lat: p.lat },
        x: { kind: 'participation', checkInAtMs: Date.parse(p.checkInAt), checkOutAtMs: ms(p.checkOutAt), creditedMs: p.creditedMs, points: p.points },
      };
    }
    default:
      return null;
  }
}

/** Where an order counts and what of it the service-card panel counts (null: not an order). */
export function orderCountable(e: StoredEntity): { place: CountedPlace; x: OrderCountable } | null {
  if (e.kind !== 'order') return null;
  const o = e.value;
  return {
    place: { regionId: o.gridId, lon: o.lon, lat: o.lat },
    x: {
      category: o.category,
      stage: o.stage,
      requestedAtMs: Date.parse(o.requestedAt),
      dispatchedAtMs: ms(o.dispatchedAt),
      acceptedAtMs: ms(o.acceptedAt),
      doneAtMs: ms(o.doneAt),
      ratedAtMs: ms(o.ratedAt),
      rating: o.rating,
    },
  };
}

export interface ActivityCountersDeps {
  geo: GeoContext;
  store: ActivityStore;
  now: () => number;
  log: Logger;
  /** Runs `fn` with writes held (ActivityWriter.exclusive), for a rebuild. */
  exclusive: <T>(fn: () => Promise<T>) => Promise<T>;
}

/** Whether a record can still change: those that cannot are not remembered once counted. */
function isFinal(e: StoredEntity): boolean {
  switch (e.kind) {
    case 'team':
    case 'volunteer':
      return true;
    case 'activity':
      return isActivityFinal(e.value.status);
    case 'participation':
      return e.value.checkOutAt !== null;
    case 'order':
      return isOrderFinal(e.value.stage);
  }
}

const keyOf = (e: StoredEntity) => `${e.kind}:${e.value.id}`;

/** What a panel counted of a record: its place and countable state. */
type Counted =
  | { kind: 'volunteer'; place: CountedPlace; x: VolunteerCountable }
  | { kind: 'order'; place: CountedPlace; x: OrderCountable };

/**
 * Both panels' counters — `volunteer` and `serviceCard` — kept from the store's changes, rebuilt
 * from the store at start-up and whenever a re-imported geography comes into force (noticed on
 * the stream's next tick; writes wait meanwhile).
 *
 * A record is counted as "replace the state counted for it before with its state now". The
 * state counted is remembered for records that can still change (planned and ongoing
 * activities, attendances not checked out, orders not rated or cancelled: the work in hand,
 * not the history), so changes another process made to the shared store can be counted from
 * the records alone (catchUp), in any order, exactly.
 */
export class ActivityCounters {
  readonly volunteer: PanelAggregates<VolunteerCounters, VolunteerCountable>;
  readonly serviceCard: PanelAggregates<ServiceCardCounters, OrderCountable>;
  /** The store's seq every change up to which is counted. */
  appliedSeq = 0;
  private countedFor: CountingGeography;
  private rebuilding: Promise<unknown> | null = null;
  /** What was last counted of each record that can still change, by kind:id (compact: no text). */
  private readonly open = new Map<string, Counted>();

  constructor(private readonly deps: ActivityCountersDeps) {
    this.countedFor = deps.geo.current;
    this.volunteer = new PanelAggregates(VOLUNTEER_PANEL, volunteerRules, this.countedFor, deps.now);
    this.serviceCard = new PanelAggregates(SERVICE_CARD_PANEL, serviceCardRules, this.countedFor, deps.now);
  }

  /** Counts a record in its current state, in place of whatever was counted for it before. */
  count(e: StoredEntity): void {
    const key = keyOf(e);
    const before = this.open.get(key);
    if (e.kind === 'order') {
      const now = orderCountable(e)!;
      this.serviceCard.apply(now.place, before?.kind === 'order' ? before.x : null, now.x);
      this.remember(key, e, { kind: 'order', ...now });
    } else {
      const now = volunteerCountable(e)!;
      this.volunteer.apply(now.place, before?.kind === 'volunteer' ? before.x : null, now.x);
      this.remember(key, e, { kind: 'volunteer', ...now });
    }
  }

  private remember(key: string, e: StoredEntity, counted: Counted): void {
    if (isFinal(e)) this.open.delete(key);
    else this.open.set(key, counted);
  }

  /** Counts the records one durable batch of this process created or changed (its seqs in order). */
  applyUpdates(updates: readonly EntityUpdate[], seq?: number): void {
    for (const u of updates) this.count(u.after);
    if (seq !== undefined && seq > this.appliedSeq) this.appliedSeq = seq;
  }

  /**
   * Counts what other processes stored since appliedSeq, up to `uptoSeq` (default: the store's
   * latest); call with writes held. Returns how many records it counted.
   */
  async catchUp(uptoSeq?: number): Promise<number> {
    const upto = uptoSeq ?? (await this.deps.store.latestSeq());
    if (upto <= this.appliedSeq) return 0;
    const changed = await this.deps.store.changedBetween(this.appliedSeq, upto);
    for (const e of changed) this.count(e);
    this.appliedSeq = upto;
    return changed.length;
  }

  /** Recounts every region from the store for `geo` (call with writes held). */
  async rebuild(geo: CountingGeography = this.deps.geo.current): Promise<{ records: number; seq: number; ms: number; unplaced: number }> {
    const t0 = performance.now();
    this.countedFor = geo;
    this.volunteer.reset(geo);
    this.serviceCard.reset(geo);
    this.open.clear();
    const { records, seq } = await this.deps.store.forEachEntity((e) => this.count(e));
    this.appliedSeq = seq;
    return { records, seq, ms: Math.round(performance.now() - t0), unplaced: this.volunteer.unplaced + this.serviceCard.unplaced };
  }

  /** Records that can still change, remembered for counting their next change. */
  get openRecords(): number {
    return this.open.size;
  }

  /** Starts a rebuild if the geography in force is not the one counted for. */
  followGeography(): void {
    const geo = this.deps.geo.current;
    if (geo === this.countedFor || this.rebuilding) return;
    this.rebuilding = this.deps
      .exclusive(() => this.rebuild(geo))
      .then((r) => this.deps.log.info(r, 'volunteer and service-card counters rebuilt for the new geography'))
      .catch((err) => this.deps.log.error({ err }, 'volunteer and service-card counters: rebuild for the new geography failed'))
      .finally(() => (this.rebuilding = null));
  }

  /** The two CounterPanels for the StreamHub (each looks for a new geography on every tick). */
  panels(): CounterPanel[] {
    const wrap = (p: CounterPanel): CounterPanel => ({
      name: p.name,
      get: (regionId) => p.get(regionId),
      takeDirty: () => {
        this.followGeography();
        return p.takeDirty();
      },
    });
    return [wrap(this.volunteer), wrap(this.serviceCard)];
  }
}
