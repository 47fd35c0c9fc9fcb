import type { Hierarchy } from '../../shared/geo/hierarchy';
import {
  addContribution,
  cloneCounters,
  emptyCounters,
  rollOverDay,
  type CountableEvent,
  type RegionCounters,
} from '../../shared/aggregates/regionCounters';
import { dayStart } from '../../shared/time/dayStart';
import type { EventPlace } from '../store/eventStore';
import type { HourlySeries } from '../../shared/protocol/socketProtocol';
import { HourlyWindow } from './hourlyWindow';

/** The geography the counters are kept for: the tree, and a way to place a point in a grid. */
export interface CountingGeography {
  hierarchy: Hierarchy;
  gridIndex: { assign(lon: number, lat: number): string | null };
}

/**
 * Live counters for every region of the hierarchy, updated incrementally: one event change costs
 * O(depth) — its grid and that grid's ancestors — never a rescan. Remembers which regions
 * changed since the stream last asked (`takeDirty`).
 *
 * An event keeps the grid id it was stored with; when a re-imported geography no longer has
 * that grid (split or merged), it is counted in the grid its location falls in now.
 */
export class RegionAggregates {
  private counters = new Map<string, RegionCounters>();
  private dirty = new Set<string>();
  private todayStartMs: number;
  private geo!: CountingGeography;
  private hourlyWindow!: HourlyWindow;
  private hourlyDirty = new Set<string>();
  /** Events that fall in no grid of the geography in force (nor by location). */
  unplaced = 0;

  constructor(
    geo: CountingGeography,
    private readonly now: () => number,
  ) {
    this.todayStartMs = dayStart(now());
    this.reset(geo);
  }

  /** Forgets every count and starts over for `geo` (a re-imported geography); rebuild after. */
  reset(geo: CountingGeography): void {
    this.geo = geo;
    this.counters = new Map(geo.hierarchy.all().map((r) => [r.id, emptyCounters()]));
    this.dirty = new Set(this.counters.keys());
    this.hourlyWindow = new HourlyWindow(this.counters.keys(), this.now);
    this.hourlyDirty = new Set(this.counters.keys());
    this.unplaced = 0;
    this.todayStartMs = dayStart(this.now());
  }

  /** The grid an event counts in under the geography in force, or null. */
  gridOf(place: EventPlace): string | null {
    const h = this.geo.hierarchy;
    if (h.get(place.gridId)?.level === 'grid') return place.gridId;
    return this.geo.gridIndex.assign(place.lon, place.lat);
  }

  /** Applies one event's change: `before` is its previous state (null when new). */
  apply(place: EventPlace, before: CountableEvent | null, after: CountableEvent): void {
    this.rollOverIfNewDay();
    const grid = this.gridOf(place);
    if (grid === null) {
      if (!before) this.unplaced++;
      return;
    }
    const path = this.geo.hierarchy.path(grid);
    for (const id of path) {
      const c = this.counters.get(id)!;
      if (before) addContribution(c, before, -1, this.todayStartMs);
      addContribution(c, after, 1, this.todayStartMs);
      this.dirty.add(id);
    }
    if (!before) {
      this.hourlyWindow.add(path, after.reportedAtMs);
      for (const id of path) this.hourlyDirty.add(id);
    }
  }

  /** Events reported per hour in a region over the last 48 hours. */
  hourly(regionId: string): HourlySeries {
    return this.hourlyWindow.series(regionId);
  }

  /** Regions whose hourly series changed since the previous call (all of them when the hour turns). */
  takeDirtyHourly(): Set<string> {
    if (this.hourlyWindow.slide()) for (const id of this.counters.keys()) this.hourlyDirty.add(id);
    const d = this.hourlyDirty;
    this.hourlyDirty = new Set();
    return d;
  }

  /** At local midnight every "today" counter starts again from zero. */
  rollOverIfNewDay(): boolean {
    const start = dayStart(this.now());
    if (start === this.todayStartMs) return false;
    this.todayStartMs = start;
    for (const [id, c] of this.counters) {
      rollOverDay(c);
      this.dirty.add(id);
    }
    return true;
  }

  /** A copy of a region's counters (undefined for an unknown region). */
  get(regionId: string): RegionCounters | undefined {
    const c = this.counters.get(regionId);
    return c && cloneCounters(c);
  }

  /** Region ids changed since the previous call. */
  takeDirty(): Set<string> {
    const d = this.dirty;
    this.dirty = new Set();
    return d;
  }
}
