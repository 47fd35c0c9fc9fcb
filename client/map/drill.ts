import type { Hierarchy } from '../../shared/geo/hierarchy';
import type { Region } from '../../shared/geo/region';

/**
 * The region whose children the map draws for a focus: the focus itself, or — at grid level,
 * where drilling stops — the grid's community, so the grid is shown among its siblings.
 */
export function mapRegionFor(h: Hierarchy, focusId: string): string {
  if (h.children(focusId).length > 0) return focusId;
  return h.get(focusId)?.parentId ?? focusId;
}

/** Breadcrumb items from the root down to the focus, 区 › 街道 › 社区 › 网格. */
export function breadcrumbFor(h: Hierarchy, focusId: string): Region[] {
  return h.path(focusId).map((id) => h.get(id)!);
}

/** Where "back" goes: the focus's parent, or null at the root. */
export function parentOf(h: Hierarchy, focusId: string): string | null {
  return h.get(focusId)?.parentId ?? null;
}
