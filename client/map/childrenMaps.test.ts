import { describe, expect, it, vi } from 'vitest';
import { buildHierarchy } from '../../shared/geo/hierarchy';
import { tinyGeography } from '../geography/testing/tinyGeography';
import { createChildrenMapRegistry } from './childrenMaps';

const geo = tinyGeography();
const h = buildHierarchy(geo.features.map((f) => f.properties));
const features = new Map(geo.features.map((f) => [f.properties.id, f]));

describe('createChildrenMapRegistry', () => {
  it('registers a region’s children keyed by id, once per region', () => {
    const register = vi.fn();
    const registry = createChildrenMapRegistry(register);
    const a = registry.ensure('150602', h, features);
    const b = registry.ensure('150602', h, features);
    expect(a).toEqual(b);
    expect(register).toHaveBeenCalledTimes(2); // children + outline, once
    const [name, geoJson] = register.mock.calls[0];
    expect(name).toBe(a.children);
    expect(geoJson.features.map((f: { properties: { name: string } }) => f.properties.name)).toEqual(['150602001', '150602002']);
  });
  it('registers the region’s own outline for the underlay', () => {
    const register = vi.fn();
    const names = createChildrenMapRegistry(register).ensure('150602001', h, features);
    const [name, geoJson] = register.mock.calls[1];
    expect(name).toBe(names.outline);
    expect(geoJson.features).toHaveLength(1);
  });
  it('registers each region under its own name', () => {
    const register = vi.fn();
    const registry = createChildrenMapRegistry(register);
    expect(registry.ensure('150602001', h, features).children).not.toBe(registry.ensure('150602002', h, features).children);
    expect(register).toHaveBeenCalledTimes(4);
  });
});
