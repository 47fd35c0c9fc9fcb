import { describe, expect, it } from 'vitest';
import { ChangeApplier } from './changeApplier';
import { RegionAggregates } from '../aggregates/regionAggregates';
import { buildHierarchy } from '../../shared/geo/hierarchy';
import type { GridEvent } from '../../shared/events/gridEvent';
import type { EventChange } from './eventWriter';

const h = buildHierarchy([
  { id: 'd', parentId: null, level: 'district', name: 'D' },
  { id: 's', parentId: 'd', level: 'street', name: 'S' },
  { id: 'c', parentId: 's', level: 'community', name: 'C' },
  { id: 'g', parentId: 'c', level: 'grid', name: 'G' },
]);
const T = Date.parse('2026-11-25T02:00:00Z');
const ev = (id: string, seq: number, status: GridEvent['status'] = 'reported'): GridEvent => ({
  id, seq, updatedSeq: seq, category: 'dispute', severity: 'normal', source: 'hotline', lon: 0, lat: 0, gridId: 'g', description: '',
  status, reportedAt: new Date(T).toISOString(), receivedAt: new Date(T).toISOString(), closedAt: null, deadline: new Date(T + 3600_000).toISOString(),
  overdueAt: null, unit: null, reporter: null,
});
const created = (id: string, seq: number): EventChange => ({ before: null, event: ev(id, seq) });

describe('ChangeApplier', () => {
  const setup = (seq = 0) => {
    const aggregates = new RegionAggregates({ hierarchy: h, gridIndex: { assign: () => null } }, () => T);
    return { aggregates, applier: new ChangeApplier(aggregates, seq) };
  };

  it('applies each change once however often and in whatever order it arrives, and tells listeners once', () => {
    const { aggregates, applier } = setup();
    const told: number[] = [];
    applier.onApplied((cs) => told.push(...cs.map((c) => c.event.updatedSeq)));
    applier.apply([created('b', 2)], false);
    applier.apply([created('a', 1), created('b', 2)], true);
    applier.apply([{ before: ev('a', 1), event: ev('a', 3, 'accepted') }], false);
    expect(aggregates.get('d')).toMatchObject({ total: 2, open: 2 });
    expect(told).toEqual([2, 1, 3]);
    expect(applier.watermark.value).toBe(3);
  });

  it('after a rebuild re-applies exactly the changes newer than the snapshot', () => {
    const { aggregates, applier } = setup();
    applier.apply([created('a', 1), created('b', 2)], true);
    // A rebuild whose snapshot held seq 1 only: counts are reset to that snapshot…
    aggregates.reset({ hierarchy: h, gridIndex: { assign: () => null } });
    aggregates.apply(ev('a', 1), null, { category: 'dispute', source: 'hotline', status: 'reported', reportedAtMs: T, closedAtMs: null, deadlineMs: T + 3600_000, overdue: false });
    applier.rebuilt(1);
    expect(aggregates.get('d')!.total).toBe(2);
    expect(applier.watermark.value).toBe(2);
    applier.apply([created('b', 2)], false);
    expect(aggregates.get('d')!.total).toBe(2);
  });

  it('keeps telling the other listeners when one throws', () => {
    const { applier } = setup();
    let told = 0;
    applier.onApplied(() => {
      throw new Error('broken panel');
    });
    applier.onApplied(() => told++);
    applier.apply([created('a', 1)], true);
    expect(told).toBe(1);
  });
});
