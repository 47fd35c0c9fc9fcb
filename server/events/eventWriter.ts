import type { GridEvent } from '../../shared/events/gridEvent';
import type { RegionAggregates } from '../aggregates/regionAggregates';
import { toCountable, type CommandOutcome, type EventStore, type StoreCommand } from '../store/eventStore';
import { createGroupCommit } from '../store/groupCommit';

/** One durable change of an event: its state before (null when new) and after. */
export interface EventChange {
  before: GridEvent | null;
  event: GridEvent;
}

export interface EventWriterDeps {
  store: EventStore;
  aggregates: RegionAggregates;
  /** Called after each durable batch with the changes it made, in seq order. */
  onChanged: (changes: EventChange[]) => void;
}

/**
 * The server's single writer: every change (a new event, a lifecycle move, an overdue mark)
 * passes through one group-committed queue, so the store's seq order is exactly the order in
 * which counters are updated and screens are told. A promise it returns resolves only once the
 * change is durable.
 */
export class EventWriter {
  private readonly commit;
  /** Serialises batches with `exclusive` work (a counter rebuild must not interleave with writes). */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(deps: EventWriterDeps) {
    this.commit = createGroupCommit<StoreCommand, CommandOutcome>((batch) =>
      this.serially(async () => {
        const outcomes = await deps.store.apply(batch);
        const changed: EventChange[] = [];
        for (const o of outcomes) {
          if (o.type === 'created') {
            deps.aggregates.apply(o.event, null, toCountable(o.event));
            changed.push({ before: null, event: o.event });
          } else if (o.type === 'changed') {
            deps.aggregates.apply(o.event, toCountable(o.before), toCountable(o.event));
            changed.push({ before: o.before, event: o.event });
          }
        }
        if (changed.length > 0) deps.onChanged(changed);
        return outcomes;
      }),
    );
  }

  private serially<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  submit(cmd: StoreCommand): Promise<CommandOutcome> {
    return this.commit.submit(cmd);
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
