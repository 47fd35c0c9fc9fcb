import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent } from './formatNumber';

describe('formatNumber', () => {
  it('groups thousands per locale', () => {
    expect(formatNumber(12345, 'zh-CN')).toBe('12,345');
    expect(formatNumber(12345, 'en')).toBe('12,345');
  });
  it('prints an unknown value as a dash', () => {
    expect(formatNumber(null, 'en')).toBe('—');
    expect(formatNumber(Number.NaN, 'en')).toBe('—');
  });
});

describe('formatPercent', () => {
  it('prints a share with one decimal', () => {
    expect(formatPercent(0.93724, 'zh-CN')).toBe('93.7%');
    expect(formatPercent(1, 'en')).toBe('100.0%');
    expect(formatPercent(null, 'en')).toBe('—');
  });
});
