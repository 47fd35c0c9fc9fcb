import { describe, expect, it } from 'vitest';
import { buildHierarchy } from '../../shared/geo/hierarchy';
import type { Region } from '../../shared/geo/region';
import { addContribution, emptyCounters, type CountableEvent } from '../../shared/aggregates/regionCounters';
import { RegionAggregates } from './regionAggregates';
import { seededRandom } from '../simulator/random';
import { CATEGORY_CODES, SOURCE_CODES } from '../../shared/events/categories';
import { dayStart } from '../../shared/time/dayStart';

const noIndex = { assign: () => null };
const at = (gridId: string) => ({ gridId, lon: 0, lat: 0 });

/** A small tree: 1 district, 2 streets, 4 communities, 8 grids. */
function tree(): Region[] {
  const out: Region[] = [{ id: 'd', parentId: null, level: 'district', name: 'D' }];
  for (let s = 0; s < 2; s++) {
    out.push({ id: `s${s}`, parentId: 'd', level: 'street', name: `S${s}` });
    for (let c = 0; c < 2; c++) {
      out.push({ id: `s${s}c${c}`, parentId: `s${s}`, level: 'community', name: 'C' });
      for (let g = 0; g < 2; g++) out.push({ id: `s${s}c${c}g${g}`, parentId: `s${s}c${c}`, level: 'grid', name: 'G' });
    }
  }
  return out;
}

describe('RegionAggregates', () => {
  it('after thousands of random creates and changes equals a recount from scratch, at every level', () => {
    const h = buildHierarchy(tree());
    const now = Date.parse('2026-11-25T06:00:00Z');
    const agg = new RegionAggregates({ hierarchy: h, gridIndex: noIndex }, () => now);
    const random = seededRandom(42);
    const grids = h.byLevel('grid').map((r) => r.id);
    const state = new Map<number, { grid: string; e: CountableEvent }>();
    const statuses = ['reported', 'accepted', 'handling', 'closed', 'rejected'] as const;
    for (let i = 0; i < 5000; i++) {
      if (state.size === 0 || random() < 0.4) {
        const e: CountableEvent = {
          category: CATEGORY_CODES[Math.floor(random() * CATEGORY_CODES.length)],
          source: SOURCE_CODES[Math.floor(random() * SOURCE_CODES.length)],
          status: 'reported',
          reportedAtMs: now - Math.floor(random() * 2 * 86_400_000),
          closedAtMs: null,
          deadlineMs: now - 86_400_000 + Math.floor(random() * 2 * 86_400_000),
          overdue: false,
        };
        const grid = grids[Math.floor(random() * grids.length)];
        state.set(i, { grid, e });
        agg.apply(at(grid), null, e);
      } else {
        const keys = [...state.keys()];
        const k = keys[Math.floor(random() * keys.length)];
        const { grid, e } = state.get(k)!;
        const status = statuses[Math.floor(random() * statuses.length)];
        const after: CountableEvent = { ...e, status, closedAtMs: status === 'closed' || status === 'rejected' ? now - Math.floor(random() * 86_400_000) : null, overdue: e.overdue || random() < 0.2 };
        agg.apply(at(grid), e, after);
        state.set(k, { grid, e: after });
      }
    }
    const todayStart = dayStart(now);
    for (const region of h.all()) {
      const expected = emptyCounters();
      for (const { grid, e } of state.values()) if (h.path(grid).includes(region.id)) addContribution(expected, e, 1, todayStart);
      expect(agg.get(region.id), region.id).toEqual(expected);
    }
  });

  it('touches only the grid and its ancestors, and reports exactly those as dirty', () => {
    const h = buildHierarchy(tree());
    const agg = new RegionAggregates({ hierarchy: h, gridIndex: noIndex }, () => Date.parse('2026-11-25T06:00:00Z'));
    expect(agg.takeDirty().size).toBe(15); // a fresh (or reset) count is news for every region
    agg.apply(at('s1c0g1'), null, { category: 'dispute', source: 'hotline', status: 'reported', reportedAtMs: 0, closedAtMs: null, deadlineMs: 1, overdue: false });
    expect([...agg.takeDirty()].sort()).toEqual(['d', 's1', 's1c0', 's1c0g1']);
    expect(agg.get('s0')!.total).toBe(0);
    expect(agg.takeDirty().size).toBe(0);
  });

  it('starts the day again at local midnight: today counters zero, totals kept', () => {
    const h = buildHierarchy(tree());
    let now = Date.parse('2026-11-25T15:59:59.999Z'); // 23:59:59.999 in China
    const agg = new RegionAggregates({ hierarchy: h, gridIndex: noIndex }, () => now);
    agg.apply(at('s0c0g0'), null, { category: 'dispute', source: 'hotline', status: 'reported', reportedAtMs: now - 1000, closedAtMs: null, deadlineMs: now + 1, overdue: false });
    expect(agg.rollOverIfNewDay()).toBe(false);
    expect(agg.get('d')).toMatchObject({ today: 1, total: 1 });
    now += 1;
    expect(agg.rollOverIfNewDay()).toBe(true);
    expect(agg.get('d')).toMatchObject({ today: 0, total: 1, open: 1, todayByCategory: {} });
  });

  it('counts an event whose grid is not in the geography as unplaced instead of failing', () => {
    const agg = new RegionAggregates({ hierarchy: buildHierarchy(tree()), gridIndex: noIndex }, () => 0);
    agg.apply(at('gone'), null, { category: 'dispute', source: 'hotline', status: 'reported', reportedAtMs: 0, closedAtMs: null, deadlineMs: 1, overdue: false });
    expect(agg.unplaced).toBe(1);
    expect(agg.get('d')!.total).toBe(0);
  });
});
