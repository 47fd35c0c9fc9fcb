import { describe, expect, it } from 'vitest';
import type { GridEvent } from './gridEvent';
import { FeedWindow } from './feedWindow';

const ev = (seq: number, updatedSeq = seq) => ({ id: `ev-${seq}`, seq, updatedSeq }) as GridEvent;

describe('FeedWindow', () => {
  it('holds the newest `limit` events by creation seq', () => {
    const w = new FeedWindow(3, [ev(1), ev(2), ev(3)]);
    expect(w.select([ev(4), ev(5)]).map((e) => e.seq)).toEqual([4, 5]);
    expect([1, 2, 3, 4, 5].map((s) => w.has(ev(s)))).toEqual([false, false, true, true, true]);
  });

  it('sends a change of an event inside, and not of one that has dropped out', () => {
    const w = new FeedWindow(2, [ev(5), ev(6)]);
    expect(w.select([ev(6, 9), ev(3, 9)]).map((e) => e.id)).toEqual(['ev-6']);
    expect(w.size).toBe(2);
  });

  it('does not send an event admitted and pushed out again within the same batch', () => {
    const w = new FeedWindow(2, [ev(1)]);
    expect(w.select([ev(2), ev(3), ev(4)]).map((e) => e.seq)).toEqual([3, 4]);
  });

  it('ends the same whatever order the changes arrive in (another process applies out of order)', () => {
    const a = new FeedWindow(3);
    const b = new FeedWindow(3);
    a.select([ev(7), ev(2), ev(9), ev(4), ev(8)]);
    b.select([ev(9), ev(8), ev(7), ev(4), ev(2)]);
    for (const s of [2, 4, 7, 8, 9]) expect(a.has(ev(s))).toBe(b.has(ev(s)));
    expect(a.has(ev(7)) && a.has(ev(8)) && a.has(ev(9))).toBe(true);
  });

  it('copies independently', () => {
    const w = new FeedWindow(2, [ev(1), ev(2)]);
    const c = w.copy();
    c.select([ev(3)]);
    expect(w.has(ev(1))).toBe(true);
    expect(c.has(ev(1))).toBe(false);
  });
});
