import { describe, expect, it } from 'vitest';
import { buildHierarchy } from '../../shared/geo/hierarchy';
import { tinyGeography } from '../geography/testing/tinyGeography';
import { breadcrumbFor, mapRegionFor, parentOf } from './drill';

const h = buildHierarchy(tinyGeography().features.map((f) => f.properties));

describe('drill', () => {
  it('draws the children of a focus that has them', () => {
    expect(mapRegionFor(h, '150602')).toBe('150602');
    expect(mapRegionFor(h, '150602001001')).toBe('150602001001');
  });
  it('draws a focused grid among its siblings, on its community', () => {
    expect(mapRegionFor(h, '150602001001002')).toBe('150602001001');
  });
  it('builds the breadcrumb root first', () => {
    expect(breadcrumbFor(h, '150602001001002').map((r) => r.level)).toEqual(['district', 'street', 'community', 'grid']);
  });
  it('goes back to the parent and stops at the root', () => {
    expect(parentOf(h, '150602001')).toBe('150602');
    expect(parentOf(h, '150602')).toBeNull();
  });
});
