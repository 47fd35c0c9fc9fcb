import { describe, expect, it } from 'vitest';
import { buildHierarchy } from '../../shared/geo/hierarchy';
import { tinyGeography } from '../geography/testing/tinyGeography';
import { makeAlert, makeEvent } from '../stream/testing/fixtures';
import { NO_FILTER, isFiltering, matchesFilter } from './alertFilters';

const h = buildHierarchy(tinyGeography().features.map((f) => f.properties));
/** In 交通街道 › 曙光社区 › 第一网格. */
const GRID = '150602001001001';

describe('matchesFilter', () => {
  const alert = makeAlert(1, { regionId: GRID, severity: 'critical', detail: { category: 'dispute' } });
  const event = makeEvent(1, { gridId: GRID, category: 'dispute', severity: 'critical' });

  it('lets everything through with no filter', () => {
    expect(matchesFilter(alert, event, NO_FILTER, h)).toBe(true);
    expect(isFiltering(NO_FILTER)).toBe(false);
  });
  it('keeps alerts in the chosen street or community and below it, and drops the rest', () => {
    expect(matchesFilter(alert, event, { ...NO_FILTER, regionId: '150602001' }, h)).toBe(true);
    expect(matchesFilter(alert, event, { ...NO_FILTER, regionId: '150602001001' }, h)).toBe(true);
    expect(matchesFilter(alert, event, { ...NO_FILTER, regionId: '150602001002' }, h)).toBe(false);
    expect(matchesFilter(alert, event, { ...NO_FILTER, regionId: '150602002' }, h)).toBe(false);
  });
  it('keeps a spike on a street when that street is chosen, not when one of its communities is', () => {
    const spike = makeAlert(2, { kind: 'spike', eventId: null, regionId: '150602001', severity: 'urgent' });
    expect(matchesFilter(spike, null, { ...NO_FILTER, regionId: '150602001' }, h)).toBe(true);
    expect(matchesFilter(spike, null, { ...NO_FILTER, regionId: '150602001001' }, h)).toBe(false);
  });
  it('filters by any of the chosen severities', () => {
    expect(matchesFilter(alert, event, { ...NO_FILTER, severities: ['urgent', 'critical'] }, h)).toBe(true);
    expect(matchesFilter(alert, event, { ...NO_FILTER, severities: ['urgent'] }, h)).toBe(false);
  });
  it('filters by the event\u2019s category, or the alert\u2019s while the event is loading; a spike has none', () => {
    expect(matchesFilter(alert, event, { ...NO_FILTER, categories: ['dispute'] }, h)).toBe(true);
    expect(matchesFilter(alert, undefined, { ...NO_FILTER, categories: ['dispute'] }, h)).toBe(true);
    expect(matchesFilter(alert, event, { ...NO_FILTER, categories: ['sanitation'] }, h)).toBe(false);
    const spike = makeAlert(2, { kind: 'spike', eventId: null, detail: { count: 12, usual: 3 } });
    expect(matchesFilter(spike, null, { ...NO_FILTER, categories: ['dispute'] }, h)).toBe(false);
    expect(isFiltering({ ...NO_FILTER, categories: ['dispute'] })).toBe(true);
  });
});
