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

/**
 * Live counters for every region of the hierarchy, updated incrementally: one event change costs
 * O(depth) — its grid and that grid's ancestors — never a rescan. Remembers which regions
 * changed since the stream last asked (`takeDirty`).
 */
export class RegionAggregates {
  private readonly counters = new Map<string, RegionCounters>();
  private dirty = new Set<string>();
  private todayStartMs: number;
  /** Events whose grid is not in the geography (e.g. a grid removed by a re-import). */
  unplaced = 0;

  constructor(
    private readonly hierarchy: Hierarchy,
    private readonly now: () => number,
  ) {
    for (const r of hierarchy.all()) this.counters.set(r.id, emptyCounters());
    this.todayStartMs = dayStart(now());
  }

  /** Applies one event's change: `before` is its previous state (null when new). */
  apply(gridId: string, before: CountableEvent | null, after: CountableEvent): void {
    this.rollOverIfNewDay();
    const path = this.hierarchy.path(gridId);
    if (path.length === 0) {
      if (!before) this.unplaced++;
      return;
    }
    for (const id of path) {
      const c = this.counters.get(id)!;
      if (before) addContribution(c, before, -1, this.todayStartMs);
      addContribution(c, after, 1, this.todayStartMs);
      this.dirty.add(id);
    }
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
