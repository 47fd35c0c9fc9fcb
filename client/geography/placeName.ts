import type { Hierarchy } from '../../shared/geo/hierarchy';
import { shortName } from './shortName';

/**
 * Where an event happened, told relative to the focus: the (at most two) levels between the
 * focus and the event's grid, e.g. "曙光社区 · 第3网格" on a street's wall. Falls back to the id.
 */
export function placeName(h: Hierarchy, focusId: string, gridId: string): string {
  const path = h.path(gridId);
  if (path.length === 0) return gridId;
  const below = path.slice(Math.max(path.indexOf(focusId) + 1, 0));
  const shown = (below.length > 0 ? below : path.slice(-1)).slice(-2);
  return shown.map((id) => shortName(h, id)).join(' · ');
}
