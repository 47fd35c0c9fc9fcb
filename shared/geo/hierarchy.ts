import type { Level, Region } from './region';
import { LEVELS } from './region';

/**
 * The region tree, indexed for O(1) look-ups of a region, its children and its ancestors.
 * Pure: built from the regions of a geography, used by server and client alike.
 */
export interface Hierarchy {
  root: Region;
  get(id: string): Region | undefined;
  children(id: string): readonly Region[];
  /** Ids from the root down to and including `id` (empty when unknown). */
  path(id: string): readonly string[];
  all(): readonly Region[];
  byLevel(level: Level): readonly Region[];
}

export class HierarchyError extends Error {}

/** Builds the tree; throws HierarchyError naming the region when the tree is not well formed. */
export function buildHierarchy(regions: readonly Region[]): Hierarchy {
  const byId = new Map<string, Region>();
  const kids = new Map<string, Region[]>();
  let root: Region | undefined;
  for (const r of regions) {
    if (byId.has(r.id)) throw new HierarchyError(`duplicate region id ${r.id}`);
    byId.set(r.id, r);
    kids.set(r.id, []);
  }
  for (const r of regions) {
    if (r.parentId === null) {
      if (root) throw new HierarchyError(`two roots: ${root.id} and ${r.id}`);
      root = r;
      continue;
    }
    const parent = byId.get(r.parentId);
    if (!parent) throw new HierarchyError(`region ${r.id} names unknown parent ${r.parentId}`);
    if (LEVELS.indexOf(parent.level) + 1 !== LEVELS.indexOf(r.level))
      throw new HierarchyError(`region ${r.id} (${r.level}) cannot sit under ${parent.id} (${parent.level})`);
    kids.get(parent.id)!.push(r);
  }
  if (!root) throw new HierarchyError('no root region (a region with parentId null)');
  for (const list of kids.values()) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const paths = new Map<string, string[]>();
  const walk = (r: Region, prefix: string[]) => {
    const p = [...prefix, r.id];
    paths.set(r.id, p);
    for (const c of kids.get(r.id)!) walk(c, p);
  };
  walk(root, []);
  const levels = new Map<Level, Region[]>(LEVELS.map((l) => [l, []]));
  for (const r of regions) levels.get(r.level)!.push(r);
  const theRoot = root;
  return {
    root: theRoot,
    get: (id) => byId.get(id),
    children: (id) => kids.get(id) ?? [],
    path: (id) => paths.get(id) ?? [],
    all: () => regions,
    byLevel: (level) => levels.get(level)!,
  };
}
