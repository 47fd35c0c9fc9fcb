import { describe, expect, it } from 'vitest';
import { buildHierarchy } from '../../shared/geo/hierarchy';
import type { Region } from '../../shared/geo/region';
import { shortName } from './shortName';

const regions: Region[] = [
  { id: '150602', parentId: null, level: 'district', name: '东胜区' },
  { id: '150602001', parentId: '150602', level: 'street', name: '交通街道' },
  { id: '150602001001', parentId: '150602001', level: 'community', name: '吉劳庆社区' },
  { id: '150602001001001', parentId: '150602001001', level: 'grid', name: '吉劳庆社区第1网格' },
  { id: '150602001001002', parentId: '150602001001', level: 'grid', name: '吉劳庆社区·电信公司大院专属网格' },
  { id: '150602001001003', parentId: '150602001001', level: 'grid', name: '西园网格' },
  { id: '150602001001004', parentId: '150602001001', level: 'grid', name: '吉劳庆社区' },
];
const h = buildHierarchy(regions);

describe('shortName', () => {
  it('drops the community name in front of a grid name', () => {
    expect(shortName(h, '150602001001001')).toBe('第1网格');
  });
  it('drops the separator after it too', () => {
    expect(shortName(h, '150602001001002')).toBe('电信公司大院专属网格');
  });
  it('keeps a name that does not repeat its parent', () => {
    expect(shortName(h, '150602001001003')).toBe('西园网格');
    expect(shortName(h, '150602001')).toBe('交通街道');
  });
  it('keeps the full name rather than leave nothing', () => {
    expect(shortName(h, '150602001001004')).toBe('吉劳庆社区');
  });
});
