import { describe, expect, it } from 'vitest';
import { buildHierarchy } from '../../shared/geo/hierarchy';
import { placeName } from './placeName';
import { tinyGeography } from './testing/tinyGeography';

const h = buildHierarchy(tinyGeography().features.map((f) => f.properties));

describe('placeName', () => {
  it('names the community and grid on a district wall', () => {
    expect(placeName(h, '150602', '150602001001002')).toBe('曙光社区 · 第二网格');
  });
  it('names only the grid on a community wall', () => {
    expect(placeName(h, '150602001001', '150602001001002')).toBe('第二网格');
  });
  it('names the grid itself when the grid is the focus', () => {
    expect(placeName(h, '150602001001002', '150602001001002')).toBe('第二网格');
  });
  it('falls back to the id of a grid this screen does not know', () => {
    expect(placeName(h, '150602', '999')).toBe('999');
  });
});
