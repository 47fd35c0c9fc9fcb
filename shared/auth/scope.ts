import type { Hierarchy } from '../geo/hierarchy';

/** Whether `regionId` lies inside `scopeRegionId` (itself or below it); no scope means everywhere. */
export function inScope(h: Hierarchy, scopeRegionId: string | null, regionId: string): boolean {
  return scopeRegionId === null || h.path(regionId).includes(scopeRegionId);
}
