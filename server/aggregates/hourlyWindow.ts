import type { HourlySeries } from '../../shared/protocol/socketProtocol';
import { hourStart } from '../../shared/time/dayStart';

const HOUR_MS = 3600_000;
/** Hours kept: the last 24 and the same 24 a day earlier. */
export const WINDOW_HOURS = 48;

/**
 * Events reported per hour for every region over a sliding 48-hour window, kept incrementally:
 * a report costs O(depth); the window slides once an hour by shifting the small arrays.
 */
export class HourlyWindow {
  private readonly counts = new Map<string, Int32Array>();
  /** Epoch ms of the start of the oldest hour kept. */
  private startMs: number;

  constructor(
    regionIds: Iterable<string>,
    private readonly now: () => number,
  ) {
    for (const id of regionIds) this.counts.set(id, new Int32Array(WINDOW_HOURS));
    this.startMs = hourStart(now()) - (WINDOW_HOURS - 1) * HOUR_MS;
  }

  /** Slides the window to the current hour; returns whether it moved. */
  slide(): boolean {
    const start = hourStart(this.now()) - (WINDOW_HOURS - 1) * HOUR_MS;
    const by = Math.round((start - this.startMs) / HOUR_MS);
    if (by <= 0) return false;
    for (const a of this.counts.values()) {
      if (by >= WINDOW_HOURS) a.fill(0);
      else {
        a.copyWithin(0, by);
        a.fill(0, WINDOW_HOURS - by);
      }
    }
    this.startMs = start;
    return true;
  }

  /** Counts one report at `reportedAtMs` in each of `regionIds` (ignored outside the window). */
  add(regionIds: readonly string[], reportedAtMs: number, by = 1): void {
    this.slide();
    const i = Math.floor((reportedAtMs - this.startMs) / HOUR_MS);
    if (i < 0 || i >= WINDOW_HOURS) return;
    for (const id of regionIds) {
      const a = this.counts.get(id);
      if (a) a[i] += by;
    }
  }

  series(regionId: string): HourlySeries {
    this.slide();
    const a = this.counts.get(regionId);
    return { startMs: this.startMs, counts: a ? Array.from(a) : new Array(WINDOW_HOURS).fill(0) };
  }
}
