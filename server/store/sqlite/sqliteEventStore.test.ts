import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NewEventRecord } from '../eventStore';
import { SqliteEventStore } from './sqliteEventStore';

const rec = (id: string, gridId = '150602001001001'): NewEventRecord => ({
  id,
  category: 'dispute',
  severity: 'normal',
  source: 'hotline',
  lon: 109.98,
  lat: 39.82,
  gridId,
  description: '<b>漏水</b>',
  reportedAtMs: 1_764_000_000_000,
  receivedAtMs: 1_764_000_001_000,
});

describe('SqliteEventStore', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const fresh = async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gp-store-'));
    dirs.push(dir);
    const s = new SqliteEventStore(dir);
    await s.migrate();
    return { s, dir };
  };

  it('gives each created event the next sequence number', async () => {
    const { s } = await fresh();
    const out = await s.insertEvents([rec('a'), rec('b')]);
    expect(out.map((o) => [o.created, o.event.seq])).toEqual([[true, 1], [true, 2]]);
    expect(await s.latestSeq()).toBe(2);
  });

  it('does not store the same client id twice, within a batch or across batches', async () => {
    const { s } = await fresh();
    await s.insertEvents([rec('a')]);
    const out = await s.insertEvents([rec('a'), rec('b'), rec('b')]);
    expect(out.map((o) => o.created)).toEqual([false, true, false]);
    expect(out[0].event.seq).toBe(1);
    expect(await s.countEvents(null)).toBe(2);
    expect(await s.latestSeq()).toBe(2);
  });

  it('keeps what was committed after being closed and reopened, and migrates only once', async () => {
    const { s, dir } = await fresh();
    await s.insertEvents([rec('a')]);
    await s.close();
    const again = new SqliteEventStore(dir);
    await again.migrate();
    expect(await again.countEvents(null)).toBe(1);
    const [e] = await again.recentEvents({ gridIds: null, limit: 5 });
    expect(e).toMatchObject({ id: 'a', description: '<b>漏水</b>', status: 'reported', reportedAt: new Date(1_764_000_000_000).toISOString() });
    await again.close();
  });

  it('filters recent events by grid, newest first', async () => {
    const { s } = await fresh();
    await s.insertEvents([rec('a', 'g1'), rec('b', 'g2'), rec('c', 'g1')]);
    const got = await s.recentEvents({ gridIds: ['g1'], limit: 10 });
    expect(got.map((e) => e.id)).toEqual(['c', 'a']);
    expect(await s.recentEvents({ gridIds: [], limit: 10 })).toEqual([]);
    expect(await s.countEvents(['g2'])).toBe(1);
  });

  it('visits every event for the rebuild with what the counters need', async () => {
    const { s } = await fresh();
    await s.insertEvents([rec('a', 'g1'), rec('b', 'g2')]);
    const seen: string[] = [];
    const n = await s.forEachCountable((gridId, e) => seen.push(`${gridId}:${e.category}:${e.status}`));
    expect(n).toBe(2);
    expect(seen.sort()).toEqual(['g1:dispute:reported', 'g2:dispute:reported']);
  });
});
