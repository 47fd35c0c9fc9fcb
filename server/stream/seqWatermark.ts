/**
 * The highest seq S such that every change ≤ S has been applied here. Changes from several
 * server processes arrive out of order; a screen told "you have everything up to S" must be
 * right, so deltas carry this, not the highest seq seen. Seqs are gapless (both stores).
 */
export class SeqWatermark {
  private ahead = new Set<number>();

  constructor(private current = 0) {}

  get value(): number {
    return this.current;
  }

  /** Whether a change with this seq was applied already (at or below the mark, or seen ahead). */
  has(seq: number): boolean {
    return seq <= this.current || this.ahead.has(seq);
  }

  /** Records an applied change; returns false when it had been recorded before. */
  add(seq: number): boolean {
    if (this.has(seq)) return false;
    this.ahead.add(seq);
    while (this.ahead.delete(this.current + 1)) this.current++;
    return true;
  }

  /** Seqs applied above a hole: how far ahead of the mark this process is. */
  get pending(): number {
    return this.ahead.size;
  }

  /** Forgets the seqs seen above the mark (they are about to be applied again). */
  forget(): void {
    this.ahead.clear();
  }

  /** Everything up to `seq` is applied (after a rebuild from the store). */
  reset(seq: number): void {
    this.current = seq;
    this.ahead = new Set([...this.ahead].filter((s) => s > seq));
    while (this.ahead.delete(this.current + 1)) this.current++;
  }
}
