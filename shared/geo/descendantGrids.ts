import type { Hierarchy } from './hierarchy';

/** Ids of every grid at or below `regionId` (the region itself when it is a grid). */
export function descendantGrids(h: Hierarchy, regionId: string): string[] {
  const out: string[] = [];
  const walk = (id: string) => {
    const r = h.get(id);
    if (!r) return;
    if (r.level === 'grid') out.push(id);
    else for (const c of h.children(id)) walk(c.id);
  };
  walk(regionId);
  return out;
}
