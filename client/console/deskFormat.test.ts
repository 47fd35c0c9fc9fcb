import { describe, expect, it } from 'vitest';
import { buildHierarchy } from '../../shared/geo/hierarchy';
import { tinyGeography } from '../geography/testing/tinyGeography';
import { formatDateTime, fullPlace, timeAgo } from './deskFormat';

describe('timeAgo', () => {
  const T = Date.UTC(2025, 0, 1, 8);
  it('is "now" under a minute and whole minutes from one minute on', () => {
    expect(timeAgo(T, T + 59_999)).toEqual({ unit: 'now', n: 0 });
    expect(timeAgo(T, T + 60_000)).toEqual({ unit: 'minutes', n: 1 });
  });
  it('switches to hours at 60 minutes and to days at 24 hours', () => {
    expect(timeAgo(T, T + 3_599_999)).toEqual({ unit: 'minutes', n: 59 });
    expect(timeAgo(T, T + 3_600_000)).toEqual({ unit: 'hours', n: 1 });
    expect(timeAgo(T, T + 86_399_999)).toEqual({ unit: 'hours', n: 23 });
    expect(timeAgo(T, T + 86_400_000)).toEqual({ unit: 'days', n: 1 });
  });
  it('treats a time slightly ahead (clock skew) as now', () => {
    expect(timeAgo(T + 5_000, T)).toEqual({ unit: 'now', n: 0 });
  });
});

describe('fullPlace', () => {
  const h = buildHierarchy(tinyGeography().features.map((f) => f.properties));
  it('names street › community › grid below the district', () => {
    expect(fullPlace(h, '150602001001001')).toBe('交通街道 › 曙光社区 › 第一网格');
    expect(fullPlace(h, '150602001')).toBe('交通街道');
  });
  it('names the district itself, and falls back to the id for an unknown region', () => {
    expect(fullPlace(h, '150602')).toBe('东胜区');
    expect(fullPlace(h, '999')).toBe('999');
  });
});

describe('formatDateTime', () => {
  it('writes China time, whatever the machine\u2019s zone', () => {
    expect(formatDateTime(Date.UTC(2025, 0, 1, 16, 3, 12))).toBe('2025-01-02 00:03:12');
  });
});
