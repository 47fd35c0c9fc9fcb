/**
 * Group commit: callers hand in one item each and wait; items that arrive while a flush is
 * running are written together by the next flush, in one transaction. This is what lets a
 * durable store (one fsync per transaction) take thousands of acknowledged writes a second.
 */
export interface GroupCommit<T, R> {
  submit(item: T): Promise<R>;
  /** Resolves when everything submitted so far is flushed. */
  drain(): Promise<void>;
}

/**
 * `flush` receives a batch (≤ maxBatch items, in submission order) and returns one result per
 * item, in the same order; if it throws, every caller in that batch gets the error.
 */
export function createGroupCommit<T, R>(flush: (items: T[]) => Promise<R[]> | R[], maxBatch = 500): GroupCommit<T, R> {
  type Pending = { item: T; resolve: (r: R) => void; reject: (e: unknown) => void };
  let queue: Pending[] = [];
  let running: Promise<void> | null = null;

  async function loop(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        const results = await flush(batch.map((p) => p.item));
        if (results.length !== batch.length) throw new Error(`flush returned ${results.length} results for ${batch.length} items`);
        batch.forEach((p, i) => p.resolve(results[i]));
      } catch (err) {
        for (const p of batch) p.reject(err);
      }
      // A synchronous store (SQLite) would otherwise run batch after batch in one turn of the
      // event loop while a bulk load queues up: let sockets, timers and new requests in between.
      if (queue.length > 0) await new Promise<void>((res) => setImmediate(res));
    }
  }

  function kick(): void {
    if (running) return;
    // setImmediate lets every request already parsed in this turn join the first batch.
    running = new Promise<void>((res) => setImmediate(res)).then(loop).finally(() => {
      running = null;
      if (queue.length > 0) kick();
    });
  }

  return {
    submit(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        kick();
      });
    },
    async drain() {
      while (running) await running;
    },
  };
}
