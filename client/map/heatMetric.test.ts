import { describe, expect, it } from 'vitest';
import { emptyCounters, type RegionCounters } from '../../shared/aggregates/regionCounters';
import type { Region } from '../../shared/geo/region';
import { formatHeatValue, heatValue } from './heatMetric';

const c = { ...emptyCounters(), total: 10, rejected: 2, closed: 6, open: 4, today: 3, overdue: 1 };
const grid: Region = { id: '150602001001001', parentId: '150602001001', level: 'grid', name: 'g', population: 2000 };
/** The grid's counters as the map's heat sources hold them. */
const at = (counters: RegionCounters) => ({ counters: { [grid.id]: counters }, panels: null });

describe('heatValue', () => {
  it('reads the counts as they are', () => {
    expect(heatValue('open', at(c), grid)).toBe(4);
    expect(heatValue('today', at(c), grid)).toBe(3);
    expect(heatValue('overdue', at(c), grid)).toBe(1);
  });
  it('gives open events per 1,000 residents of the region', () => {
    expect(heatValue('per1000', at(c), grid)).toBe(2);
  });
  it('has no per-1,000 value where the population is unknown or zero', () => {
    expect(heatValue('per1000', at(c), { ...grid, population: undefined })).toBeNull();
    expect(heatValue('per1000', at(c), { ...grid, population: 0 })).toBeNull();
  });
  it('gives the closure rate in percent over the cases due (rejected left out)', () => {
    expect(heatValue('closureRate', at(c), grid)).toBe(75);
    expect(heatValue('closureRate', at(emptyCounters()), grid)).toBeNull();
  });
  it('has nothing before the counters arrive', () => {
    expect(heatValue('open', { counters: {}, panels: null }, grid)).toBeNull();
  });
});

describe('volunteer heat metrics', () => {
  const panels = { volunteer: { [grid.id]: { activitiesByDay: [1, 0, 2, 0, 0, 4, 3], volunteersActive: 11 } } };
  it('reads activities over 7 days and volunteers on duty from the volunteer panel', () => {
    expect(heatValue('volunteerActivities', { counters: null, panels }, grid)).toBe(10);
    expect(heatValue('volunteersActive', { counters: null, panels }, grid)).toBe(11);
  });
  it('has no value where the panel has no counters for the region, or the server no panel', () => {
    expect(heatValue('volunteersActive', { counters: null, panels: { volunteer: {} } }, grid)).toBeNull();
    expect(heatValue('volunteerActivities', { counters: null, panels: null }, grid)).toBeNull();
    expect(heatValue('volunteerActivities', { counters: null, panels: { volunteer: { [grid.id]: { activitiesByDay: [1, -1] } } } }, grid)).toBeNull();
  });
  it('leaves the event metrics to the event counters', () => {
    expect(heatValue('open', { counters: { [grid.id]: c }, panels }, grid)).toBe(4);
  });
});

describe('formatHeatValue', () => {
  it('prints per locale with the metric’s decimals', () => {
    expect(formatHeatValue('open', 12345, 'zh-CN')).toBe('12,345');
    expect(formatHeatValue('per1000', 1.5, 'en')).toBe('1.50');
    expect(formatHeatValue('closureRate', 93.72, 'zh-CN')).toBe('93.7%');
    expect(formatHeatValue('open', null, 'en')).toBe('—');
  });
});
