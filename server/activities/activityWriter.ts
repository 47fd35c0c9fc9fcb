import { createGroupCommit } from '../store/groupCommit';
import type { ActivityCommand, ActivityOutcome, ActivityStore } from './store/activityStore';
import type { ActivityCounters } from './aggregates/activityCounters';

/**
 * The single writer of the volunteer and service-card streams: every change passes through one
 * group-committed queue (requests arriving together are written in one transaction), so the
 * store's seq order is exactly the order counters are updated in. A promise it returns
 * resolves only once the change is durable and counted.
 */
export class ActivityWriter {
  private readonly commit;
  /** Serialises batches with `exclusive` work (a rebuild must not interleave with writes). */
  private tail: Promise<unknown> = Promise.resolve();

  private readonly counters: ActivityCounters;

  constructor(deps: { store: ActivityStore; counters: ActivityCounters }) {
    this.counters = deps.counters;
    this.commit = createGroupCommit<ActivityCommand, ActivityOutcome>((batch) =>
      this.serially(async () => {
        const outcomes = await deps.store.apply(batch);
        const stored = outcomes.filter((o) => o.type === 'created' || o.type === 'changed');
        // Seqs below this batch's that are not counted yet were stored by another process
        // sharing the store: count those first, so every record is counted in seq order.
        if (stored.length > 0 && stored[0].seq > deps.counters.appliedSeq + 1) await deps.counters.catchUp(stored[0].seq - 1);
        for (const o of stored) deps.counters.applyUpdates(o.updates, o.seq);
        return outcomes;
      }),
    );
  }

  private serially<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  submit(cmd: ActivityCommand): Promise<ActivityOutcome> {
    return this.commit.submit(cmd);
  }

  /** Counts what other processes stored meanwhile (a shared PostgreSQL store), between batches. */
  catchUp(): Promise<number> {
    return this.serially(() => this.counters.catchUp());
  }

  /** Runs `fn` while no batch is being written (writes submitted meanwhile wait for it). */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.serially(fn);
  }

  /** Resolves once everything submitted so far is durable (shutdown). */
  drain(): Promise<void> {
    return this.commit.drain();
  }
}
