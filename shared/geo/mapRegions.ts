import type { Hierarchy } from './hierarchy';

/**
 * The regions drawn on a screen's map when it focuses on `regionId`: its children, or for a
 * grid (which has none) the grids of its community, itself among them.
 */
export function mapRegions(h: Hierarchy, regionId: string): string[] {
  const r = h.get(regionId);
  if (!r) return [];
  if (r.level === 'grid' && r.parentId) return h.children(r.parentId).map((c) => c.id);
  return h.children(regionId).map((c) => c.id);
}
