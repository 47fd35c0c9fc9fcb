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

/**
 * Both panels' counters — `volunteer` and `serviceCard` — kept from the store's changes, rebuilt
 * from the store at start-up and whenever a re-imported geography comes into force (noticed on
 * the stream's next tick; writes wait meanwhile).
 */
export class ActivityCounters {
  readonly volunteer: PanelAggregates<VolunteerCounters, VolunteerCountable>;
  readonly serviceCard: PanelAggregates<ServiceCardCounters, OrderCountable>;
  private countedFor: CountingGeography;
  private rebuilding: Promise<unknown> | null = null;

  constructor(private readonly deps: ActivityCountersDeps) {
    this.countedFor = deps.geo.current;
    this.volunteer = new PanelAggregates(VOLUNTEER_PANEL, volunteerRules, this.countedFor, deps.now);
    this.serviceCard = new PanelAggregates(SERVICE_CARD_PANEL, serviceCardRules, this.countedFor, deps.now);
  }

  /** Counts the creations and changes of one durable batch, in seq order. */
  applyUpdates(updates: readonly EntityUpdate[]): void {
    for (const u of updates) {
      const va = volunteerCountable(u.after);
      if (va) {
        const vb = u.before && volunteerCountable(u.before);
        this.volunteer.apply(va.place, vb ? vb.x : null, va.x);
        continue;
      }
      const oa = orderCountable(u.after);
      if (oa) {
        const ob = u.before && orderCountable(u.before);
        this.serviceCard.apply(oa.place, ob ? ob.x : null, oa.x);
      }
    }
  }

  /** Recounts every region from the store for `geo` (call with writes held). */
  async rebuild(geo: CountingGeography = this.deps.geo.current): Promise<{ records: number; ms: number; unplaced: number }> {
    const t0 = performance.now();
    this.countedFor = geo;
    this.volunteer.reset(geo);
    this.serviceCard.reset(geo);
    const records = await this.deps.store.forEachEntity((e) => this.applyUpdates([{ before: null, after: e }]));
    return { records, ms: Math.round(performance.now() - t0), unplaced: this.volunteer.unplaced + this.serviceCard.unplaced };
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
