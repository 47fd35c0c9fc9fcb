import TinyQueue from 'tinyqueue';
import type { Logger } from 'pino';
import type { EventWriter } from './eventWriter';

interface Due {
  id: string;
  deadlineMs: number;
}

/**
 * Marks open events overdue the moment their deadline passes, through the writer, so that
 * becoming overdue is a stored, sequenced, streamed change like any other. Holds the open
 * deadlines in a min-heap; events closed meanwhile are skipped by the store ('unchanged').
 */
export class OverdueWatcher {
  private readonly queue = new TinyQueue<Due>([], (a, b) => a.deadlineMs - b.deadlineMs);
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly writer: EventWriter,
    private readonly now: () => number,
    private readonly log: Logger,
    /** How often to look at the earliest deadline, ms. */
    private readonly checkEveryMs = 1000,
  ) {}

  /** Starts watching; `open` are the open events not yet overdue (from the store at start-up). */
  start(open: Iterable<Due>): void {
    for (const d of open) this.queue.push(d);
    this.timer = setInterval(() => void this.check(), this.checkEveryMs);
    void this.check();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Watches one more open event. */
  watch(id: string, deadlineMs: number): void {
    this.queue.push({ id, deadlineMs });
  }

  get size(): number {
    return this.queue.length;
  }

  /** Marks every event whose deadline has passed; returns how many it marked. */
  async check(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    const now = this.now();
    const due: Due[] = [];
    while (this.queue.length > 0 && this.queue.peek()!.deadlineMs < now) due.push(this.queue.pop()!);
    try {
      if (due.length === 0) return 0;
      const outcomes = await Promise.all(due.map((d) => this.writer.submit({ type: 'markOverdue', eventId: d.id, atMs: now })));
      const marked = outcomes.filter((o) => o.type === 'changed').length;
      if (marked > 0) this.log.info({ marked }, 'events turned overdue');
      return marked;
    } catch (err) {
      // Put them back: the next check tries again (marking is idempotent).
      for (const d of due) this.queue.push(d);
      this.log.error({ err, due: due.length }, 'overdue check failed; will retry');
      return 0;
    } finally {
      this.running = false;
    }
  }
}
