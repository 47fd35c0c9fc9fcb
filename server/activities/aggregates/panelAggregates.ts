import type { CountingGeography } from '../../aggregates/regionAggregates';
import type { CounterPanel } from '../../stream/streamHub';
import { dayStart } from '../../../shared/time/dayStart';

const DAY_MS = 86_400_000;

/** How one panel counts: pure functions over its counters type C and its countable records X. */
export interface CounterRules<C, X> {
  empty(): C;
  /** Adds (1) or removes (-1) a record's contribution; depends only on the record and the day. */
  add(c: C, x: X, sign: 1 | -1, todayStartMs: number): void;
  /** What counters become when `days` (≥ 1) local midnights have passed. */
  rollOver(c: C, days: number): void;
  clone(c: C): C;
}

/**
 * Where a record counts: a region of any level (a team's community), or a grid; with the
 * WGS-84 location when known, to place it should a re-imported geography drop that grid.
 */
export interface CountedPlace {
  regionId: string;
  lon: number | null;
  lat: number | null;
}

/**
 * Live counters of one panel for every region of the hierarchy, updated incrementally: one
 * record's change costs O(depth) — its region and that region's ancestors — never a rescan.
 * Remembers which regions changed since the stream last asked (takeDirty), and starts the day
 * again at local midnight. A CounterPanel for the StreamHub.
 */
export class PanelAggregates<C, X> implements CounterPanel {
  private counters = new Map<string, C>();
  private dirty = new Set<string>();
  private todayStartMs: number;
  private geo!: CountingGeography;
  /** Records that fall in no region of the geography in force (nor by location). */
  unplaced = 0;

  constructor(
    readonly name: string,
    private readonly rules: CounterRules<C, X>,
    geo: CountingGeography,
    private readonly now: () => number,
  ) {
    this.todayStartMs = dayStart(now());
    this.reset(geo);
  }

  /** Forgets every count and starts over for `geo`; rebuild after. Every region is news. */
  reset(geo: CountingGeography): void {
    this.geo = geo;
    this.counters = new Map(geo.hierarchy.all().map((r) => [r.id, this.rules.empty()]));
    this.dirty = new Set(this.counters.keys());
    this.unplaced = 0;
    this.todayStartMs = dayStart(this.now());
  }

  /** The region a place counts in under the geography in force, or null. */
  regionOf(place: CountedPlace): string | null {
    if (this.geo.hierarchy.get(place.regionId)) return place.regionId;
    if (place.lon === null || place.lat === null) return null;
    return this.geo.gridIndex.assign(place.lon, place.lat);
  }

  /** Applies one record's change: `before` is its previous state (null when new). */
  apply(place: CountedPlace, before: X | null, after: X): void {
    this.rollOverIfNewDay();
    const region = this.regionOf(place);
    if (region === null) {
      if (!before) this.unplaced++;
      return;
    }
    for (const id of this.geo.hierarchy.path(region)) {
      const c = this.counters.get(id)!;
      if (before) this.rules.add(c, before, -1, this.todayStartMs);
      this.rules.add(c, after, 1, this.todayStartMs);
      this.dirty.add(id);
    }
  }

  /** At local midnight every "today" counter starts again and the day series move on. */
  rollOverIfNewDay(): boolean {
    const start = dayStart(this.now());
    if (start <= this.todayStartMs) return false;
    const days = Math.round((start - this.todayStartMs) / DAY_MS);
    this.todayStartMs = start;
    for (const [id, c] of this.counters) {
      this.rules.rollOver(c, days);
      this.dirty.add(id);
    }
    return true;
  }

  /** A copy of a region's counters; empty ones for a region this geography does not know (yet). */
  get(regionId: string): C {
    this.rollOverIfNewDay();
    const c = this.counters.get(regionId);
    return c ? this.rules.clone(c) : this.rules.empty();
  }

  /** Region ids changed since the previous call. */
  takeDirty(): Set<string> {
    this.rollOverIfNewDay();
    const d = this.dirty;
    this.dirty = new Set();
    return d;
  }
}
