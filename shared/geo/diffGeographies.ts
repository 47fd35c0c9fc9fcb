import type { Hierarchy } from './hierarchy';
import { LEVELS, type Level } from './region';

export interface GeographyDiff {
  /** Region ids added and removed, by level. */
  added: Record<Level, string[]>;
  removed: Record<Level, string[]>;
  /** Regions present in both whose name or parent changed. */
  changed: string[];
}

/** What a re-import changed, for the log a GIS person and an auditor read. Pure. */
export function diffGeographies(before: Hierarchy, after: Hierarchy): GeographyDiff {
  const empty = () => Object.fromEntries(LEVELS.map((l) => [l, [] as string[]])) as Record<Level, string[]>;
  const diff: GeographyDiff = { added: empty(), removed: empty(), changed: [] };
  for (const r of after.all()) {
    const old = before.get(r.id);
    if (!old) diff.added[r.level].push(r.id);
    else if (old.name !== r.name || old.parentId !== r.parentId || old.level !== r.level) diff.changed.push(r.id);
  }
  for (const r of before.all()) if (!after.get(r.id)) diff.removed[r.level].push(r.id);
  return diff;
}
