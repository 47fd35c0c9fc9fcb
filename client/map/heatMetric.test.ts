import { describe, expect, it } from 'vitest';
import { emptyCounters } from '../../shared/aggregates/regionCounters';
import type { Region } from '../../shared/geo/region';
import { formatHeatValue, heatValue } from './heatMetric';

const c = { ...emptyCounters(), total: 10, rejected: 2, closed: 6, open: 4, today: 3, overdue: 1 };
const grid: Region = { id: '150602001001001', parentId: '150602001001', level: 'grid', name: 'g', population: 2000 };

describe('heatValue', () => {
  it('reads the counts as they are', () => {
    expect(heatValue('open', c, grid)).toBe(4);
    expect(heatValue('today', c, grid)).toBe(3);
    expect(heatValue('overdue', c, grid)).toBe(1);
  });
  it('gives open events per 1,000 residents of the region', () => {
    expect(heatValue('per1000', c, grid)).toBe(2);
  });
  it('has no per-1,000 value where the population is unknown or zero', () => {
    expect(heatValue('per1000', c, { ...grid, population: undefined })).toBeNull();
    expect(heatValue('per1000', c, { ...grid, population: 0 })).toBeNull();
  });
  it('gives the closure rate in percent over the cases due (rejected left out)', () => {
    expect(heatValue('closureRate', c, grid)).toBe(75);
    expect(heatValue('closureRate', emptyCounters(), grid)).toBeNull();
  });
  it('has nothing before the counters arrive', () => {
    expect(heatValue('open', undefined, grid)).toBeNull();
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
