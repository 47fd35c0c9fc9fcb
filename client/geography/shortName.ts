import type { Hierarchy } from '../../shared/geo/hierarchy';

/**
 * A region's name without its parent's name in front: grids are named after their community
 * ("吉劳庆社区第1网格", "吉劳庆社区·电信公司大院专属网格"), which is noise where the community is
 * already on screen (map labels, rankings, "社区 · 网格" place names).
 */
export function shortName(h: Hierarchy, id: string): string {
  const r = h.get(id);
  if (!r) return id;
  const parent = r.parentId ? h.get(r.parentId) : undefined;
  if (!parent || !r.name.startsWith(parent.name)) return r.name;
  const rest = r.name.slice(parent.name.length).replace(/^[\s·・.-]+/, '');
  return rest || r.name;
}
