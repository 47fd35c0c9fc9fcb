import { describe, expect, it } from 'vitest';
import { createGroupCommit } from './groupCommit';

describe('createGroupCommit', () => {
  it('writes items submitted in the same turn as one batch and answers each caller with its own result', async () => {
    const batches: number[][] = [];
    const gc = createGroupCommit<number, string>((items) => {
      batches.push(items);
      return items.map((i) => `r${i}`);
    });
    const results = await Promise.all([1, 2, 3].map((i) => gc.submit(i)));
    expect(results).toEqual(['r1', 'r2', 'r3']);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('queues items that arrive during a flush for the next batch, keeping order', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const gc = createGroupCommit<number, number>(async (items) => {
      batches.push(items);
      if (batches.length === 1) await gate;
      return items;
    });
    const first = gc.submit(1);
    await new Promise((r) => setImmediate(r));
    const later = [gc.submit(2), gc.submit(3)];
    release();
    expect(await Promise.all([first, ...later])).toEqual([1, 2, 3]);
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it('splits a queue longer than maxBatch', async () => {
    const sizes: number[] = [];
    const gc = createGroupCommit<number, number>((items) => (sizes.push(items.length), items), 2);
    await Promise.all([1, 2, 3, 4, 5].map((i) => gc.submit(i)));
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('rejects every caller of a failed batch, and the next batch still runs', async () => {
    let calls = 0;
    const gc = createGroupCommit<number, number>((items) => {
      if (++calls === 1) throw new Error('disk full');
      return items;
    });
    const failed = [gc.submit(1), gc.submit(2)];
    await expect(Promise.all(failed)).rejects.toThrow('disk full');
    await expect(Promise.allSettled(failed)).resolves.toHaveLength(2);
    await expect(gc.submit(3)).resolves.toBe(3);
  });

  it('drain waits for the flush in progress', async () => {
    let done = false;
    const gc = createGroupCommit<number, number>(async (items) => {
      await new Promise((r) => setTimeout(r, 20));
      done = true;
      return items;
    });
    void gc.submit(1);
    await gc.drain();
    expect(done).toBe(true);
  });
});
