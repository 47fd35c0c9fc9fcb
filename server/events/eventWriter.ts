import type { GridEvent } from '../../shared/events/gridEvent';
import type { CommandOutcome, EventStore, StoreCommand } from '../store/eventStore';
import { createGroupCommit } from '../store/groupCommit';
import type { ChangeApplier } from './changeApplier';

/** One durable change of an event: its state before (null when new) and after (updatedSeq = the change's seq). */
export interface EventChange {
  before: GridEvent | null;
  event: GridEvent;
}

/**
 * The server's single writer: every change (a new event, a lifecycle move, an overdue mark)
 * passes through one group-committed queue, and what each durable batch changed is applied to
 * the counters (and told to screens and alert rules) in seq order. A promise it returns
 * resolves only once the change is durable.
 */
export class EventWriter {
  private readonly commit;
  /** Serialises batches with `exclusive` work (a counter rebuild must not interleave with writes). */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(store: EventStore, applier: ChangeApplier) {
    this.commit = createGroupCommit<StoreCommand, CommandOutcome>((batch) =>
      this.serially(async () => {
        const outcomes = await store.apply(batch);
        const changes: EventChange[] = [];
        for (const o of outcomes) {
          if (o.type === 'created') changes.push({ before: null, event: o.event });
          else if (o.type === 'changed') changes.push({ before: o.before, event: o.event });
        }
        applier.apply(changes, true);
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
