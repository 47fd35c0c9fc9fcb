import type { RegionAggregates } from '../aggregates/regionAggregates';
import { toCountable } from '../store/eventStore';
import { SeqWatermark } from '../stream/seqWatermark';
import type { EventChange } from './eventWriter';

/**
 * Applies stored changes of events to this process's counters exactly once, whether they were
 * written here or by another server process (the cluster feed), and tells the listeners
 * (stream, alerts) of each change it applied. Changes of different events commute, so arrival
 * order does not matter; the watermark says up to which seq everything is applied.
 */
export class ChangeApplier {
  readonly watermark: SeqWatermark;
  /** The latest changes applied, so a rebuild can re-apply those newer than its snapshot. */
  private recent: EventChange[] = [];
  private readonly listeners: ((changes: EventChange[], local: boolean) => void)[] = [];

  constructor(
    private readonly aggregates: RegionAggregates,
    seq: number,
  ) {
    this.watermark = new SeqWatermark(seq);
  }

  /** Listeners run in order; one that throws does not stop the others. */
  onApplied(listener: (changes: EventChange[], local: boolean) => void): void {
    this.listeners.push(listener);
  }

  /** Applies the changes not applied before; `local` when this process wrote them. */
  apply(changes: readonly EventChange[], local: boolean): EventChange[] {
    const fresh = changes.filter((c) => this.watermark.add(c.event.updatedSeq));
    for (const c of fresh) this.aggregates.apply(c.event, c.before && toCountable(c.before), toCountable(c.event));
    this.recent.push(...fresh);
    if (this.recent.length > 2 * RECENT_KEPT) this.recent = this.recent.slice(-RECENT_KEPT);
    if (fresh.length > 0)
      for (const l of this.listeners) {
        try {
          l(fresh, local);
        } catch (err) {
          console.error('change listener failed', err);
        }
      }
    return fresh;
  }

  /**
   * The counters were just rebuilt from a store snapshot holding every change up to `seq`:
   * re-applies the changes applied here that are newer than the snapshot (they arrived while it
   * was read), and moves the watermark there. Listeners are not told again.
   */
  rebuilt(seq: number): void {
    this.watermark.reset(seq);
    const newer = this.recent.filter((c) => c.event.updatedSeq > seq).sort((a, b) => a.event.updatedSeq - b.event.updatedSeq);
    this.watermark.forget();
    for (const c of newer) {
      this.watermark.add(c.event.updatedSeq);
      this.aggregates.apply(c.event, c.before && toCountable(c.before), toCountable(c.event));
    }
  }
}

/** How many recent changes are kept for `rebuilt` (a rebuild takes seconds; this is minutes). */
const RECENT_KEPT = 50_000;
