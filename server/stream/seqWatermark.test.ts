import { describe, expect, it } from 'vitest';
import { SeqWatermark } from './seqWatermark';

describe('SeqWatermark', () => {
  it('advances only over a contiguous run, whatever the arrival order', () => {
    const w = new SeqWatermark(10);
    expect(w.add(12)).toBe(true);
    expect(w.value).toBe(10);
    expect(w.pending).toBe(1);
    w.add(13);
    w.add(11);
    expect(w.value).toBe(13);
    expect(w.pending).toBe(0);
  });

  it('knows what it has applied, so a change delivered twice is applied once', () => {
    const w = new SeqWatermark(5);
    expect(w.add(5)).toBe(false);
    expect(w.add(7)).toBe(true);
    expect(w.add(7)).toBe(false);
    expect(w.has(6)).toBe(false);
  });

  it('jumps to a rebuilt seq and keeps what was seen beyond it', () => {
    const w = new SeqWatermark(1);
    w.add(9);
    w.add(20);
    w.reset(8);
    expect(w.value).toBe(9);
    expect(w.has(20)).toBe(true);
  });
});
