import { area, difference, featureCollection, union } from '@turf/turf';
import { asFeature } from './checkContainment';
import { percent, problem, severityOf, type GeoProblem, type ImportFeature } from './problem';
import type { RegionTree } from './regionTree';

/**
 * Children must cover their parent ("seamless", 无缝衔接): share = area(parent − ∪ children) /
 * area(parent), an error above `tolerance`, a warning above noise. Measured only when the parent
 * and all its children have sound geometry, else the hole could be a child we could not read.
 */
export function checkCoverGaps(tree: RegionTree, sound: ReadonlySet<ImportFeature>, tolerance: number): GeoProblem[] {
  const out: GeoProblem[] = [];
  for (const [parentId, kids] of tree.children) {
    const parent = tree.byId.get(parentId);
    if (!parent || !sound.has(parent) || kids.length === 0 || !kids.every((k) => sound.has(k))) continue;
    let share: number;
    try {
      const p = asFeature(parent);
      const cover = kids.length === 1 ? asFeature(kids[0]) : union(featureCollection(kids.map(asFeature)));
      const uncovered = cover ? difference(featureCollection([p, cover])) : p;
      share = uncovered ? area(uncovered) / area(p) : 0;
    } catch (e) {
      out.push(problem('error', 'geometry-failed', [parent], `could not be compared with the union of its children: ${(e as Error).message}`));
      continue;
    }
    const severity = severityOf(share, tolerance);
    if (severity)
      out.push(problem(severity, 'cover-gap', [parent], `its ${kids.length === 1 ? 'only child leaves' : `${kids.length} children leave`} ${percent(share)} of its area uncovered (tolerance ${percent(tolerance)})`));
  }
  return out;
}
