import type { GridEvent } from './gridEvent';

/**
 * The events a screen's list holds: the `limit` most recently stored ones of its focus (highest
 * creation seq, an order that never changes). The server keeps one per windowed room and sends
 * a screen only the changed events inside it; the client cuts its list by the same rule
 * (client/stream/focusState.ts mergeEvents), so both hold the same events without the server
 * sending ones the screen would drop at once — at 1,000 events/s a district wall would otherwise
 * receive every event of the district only to keep its newest few.
 */
export class FeedWindow {
  /** Creation seqs inside, ascending. */
  private readonly seqs: number[] = [];
  private readonly inside = new Set<number>();

  constructor(
    readonly limit: number,
    initial: readonly GridEvent[] = [],
  ) {
    for (const e of initial) this.admit(e);
  }

  get size(): number {
    return this.seqs.length;
  }

  has(e: GridEvent): boolean {
    return this.inside.has(e.seq);
  }

  /** Takes `e` in when it is among the newest `limit`, pushing the oldest out. */
  admit(e: GridEvent): void {
    if (this.inside.has(e.seq)) return;
    if (this.seqs.length >= this.limit) {
      if (this.limit === 0 || e.seq < this.seqs[0]) return;
      this.inside.delete(this.seqs.shift()!);
    }
    // New events come with the highest seq yet: look from the end.
    let i = this.seqs.length;
    while (i > 0 && this.seqs[i - 1] > e.seq) i--;
    this.seqs.splice(i, 0, e.seq);
    this.inside.add(e.seq);
  }

  /** Admits the changed events and returns those still inside afterwards (what a screen must be sent). */
  select(changed: readonly GridEvent[]): GridEvent[] {
    for (const e of changed) this.admit(e);
    return changed.filter((e) => this.has(e));
  }

  copy(): FeedWindow {
    const w = new FeedWindow(this.limit);
    w.seqs.push(...this.seqs);
    for (const s of this.seqs) w.inside.add(s);
    return w;
  }
}
