import { describe, expect, it } from 'vitest';
import { alertRulesSchema, alertsForChange, spikeAlert } from './alertRules';
import shipped from '../../config/alert-rules.json';
import type { GridEvent } from '../events/gridEvent';
import type { Region } from '../geo/region';

const rules = alertRulesSchema.parse(shipped);
const ev = (over: Partial<GridEvent> = {}): GridEvent => ({
  id: 'e1', seq: 1, updatedSeq: 1, category: 'safety_hazard', severity: 'critical', source: 'sensor', lon: 0, lat: 0,
  gridId: 'g1', description: '<b>燃气泄漏</b>', status: 'reported', reportedAt: '2026-11-25T01:00:00Z', receivedAt: '2026-11-25T01:00:00Z',
  closedAt: null, deadline: '2026-11-25T03:00:00Z', overdueAt: null, unit: null, reporter: null, ...over,
});
const grid = (over: Partial<Region> = {}): Region => ({ id: 'g1', parentId: 'c1', level: 'grid', name: '曙光社区第1网格', kind: 'comprehensive', ...over });

describe('alert rules', () => {
  it('raises a critical-event alert once per event, quoting its text as data', () => {
    const [a] = alertsForChange(null, ev(), grid(), rules, 5);
    expect(a).toMatchObject({ id: 'critical_event:e1', kind: 'critical_event', regionId: 'g1', severity: 'critical', raisedAtMs: 5 });
    expect(a.title).toContain('<b>燃气泄漏</b>');
    expect(alertsForChange(null, ev({ severity: 'urgent' }), grid(), rules, 5)).toEqual([]);
    // A later change of the same event (accepted) raises nothing new.
    expect(alertsForChange(ev(), ev({ status: 'accepted' }), grid(), rules, 6)).toEqual([]);
  });

  it('raises an overdue alert only at the change that made it overdue, and only from the configured severity', () => {
    const late = ev({ severity: 'urgent', overdueAt: '2026-11-26T00:00:00Z' });
    expect(alertsForChange(ev({ severity: 'urgent' }), late, grid(), rules, 7).map((a) => a.id)).toEqual(['overdue:e1']);
    expect(alertsForChange(late, { ...late, status: 'accepted' }, grid(), rules, 8)).toEqual([]);
    expect(alertsForChange(ev({ severity: 'normal' }), { ...late, severity: 'normal' }, grid(), rules, 7)).toEqual([]);
  });

  it('raises a dedicated-grid alert for the watched kinds only', () => {
    const campus = grid({ kind: 'dedicated', dedicatedType: 'campus', name: '实验小学校园专属网格' });
    expect(alertsForChange(null, ev({ severity: 'urgent' }), campus, rules, 1).map((a) => a.kind)).toEqual(['dedicated_grid']);
    expect(alertsForChange(null, ev({ severity: 'urgent' }), { ...campus, dedicatedType: 'business_district' }, rules, 1)).toEqual([]);
    expect(alertsForChange(null, ev({ severity: 'normal' }), campus, rules, 1)).toEqual([]);
  });

  it('raises a spike just at the bar and not one below it, once per region and hour', () => {
    const community: Region = { id: 'c1', parentId: 's1', level: 'community', name: '曙光社区' };
    /** One report an hour for two days (a history of 47), `yesterday` at this hour, `now` in this hour. */
    const series = (now: number, yesterday: number, history = 1) => {
      const counts = new Array(48).fill(history);
      counts[47] = now;
      counts[23] = yesterday;
      return { startMs: 0, counts };
    };
    expect(spikeAlert(community, series(7, 0), rules, 1)).toBeNull(); // below minCount 8
    expect(spikeAlert(community, series(8, 0), rules, 1)?.id).toBe(`spike:c1:${47 * 3600_000}`);
    expect(spikeAlert(community, series(8, 3), rules, 1)).toBeNull(); // 8 < 3 × 3
    expect(spikeAlert(community, series(9, 3), rules, 1)?.detail).toEqual({ count: 9, usual: 3 });
    expect(spikeAlert({ ...community, level: 'grid' }, series(50, 0), rules, 1)).toBeNull();
  });

  it('raises no spike for a region without a history (a fresh install), however busy this hour', () => {
    const community: Region = { id: 'c1', parentId: 's1', level: 'community', name: '曙光社区' };
    const counts = new Array(48).fill(0);
    counts[47] = 100;
    expect(spikeAlert(community, { startMs: 0, counts }, rules, 1)).toBeNull();
    counts[10] = 24; // a history of exactly minHistory
    expect(spikeAlert(community, { startMs: 0, counts }, rules, 1)?.kind).toBe('spike');
  });

  it('measures against the mean hour of the past day when it is above the same hour yesterday', () => {
    const community: Region = { id: 'c1', parentId: 's1', level: 'community', name: '曙光社区' };
    const counts = new Array(48).fill(4);
    counts[23] = 0;
    counts[47] = 11; // mean ≈ 4 → bar 12
    expect(spikeAlert(community, { startMs: 0, counts }, rules, 1)).toBeNull();
    counts[47] = 12;
    expect(spikeAlert(community, { startMs: 0, counts }, rules, 1)?.detail).toEqual({ count: 12, usual: 4 });
  });
});
