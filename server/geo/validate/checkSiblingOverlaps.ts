import { area, bbox, featureCollection, intersect } from '@turf/turf';
import { asFeature } from './checkContainment';
import { featureId, percent, problem, severityOf, type GeoProblem, type ImportFeature } from './problem';
import type { RegionTree } from './regionTree';

/**
 * Siblings may not overlap: share = area(a ∩ b) / area(smaller of a, b), an error above
 * `tolerance`, a warning above noise. Pairs whose bounding boxes miss each other are skipped.
 */
export function checkSiblingOverlaps(tree: RegionTree, sound: ReadonlySet<ImportFeature>, tolerance: number): GeoProblem[] {
  const out: GeoProblem[] = [];
  for (const kids of tree.children.values()) {
    const list = kids.filter((k) => sound.has(k));
    const feats = list.map(asFeature);
    const boxes = feats.map((f) => bbox(f));
    const areas = feats.map((f) => area(f));
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        if (a[0] > b[2] || b[0] > a[2] || a[1] > b[3] || b[1] > a[3]) continue;
        let share: number;
        try {
          const both = intersect(featureCollection([feats[i], feats[j]]));
          share = both ? area(both) / Math.min(areas[i], areas[j]) : 0;
        } catch (e) {
          out.push(problem('error', 'geometry-failed', [list[i], list[j]], `could not be compared with its sibling ${featureId(list[j])}: ${(e as Error).message}`));
          continue;
        }
        const severity = severityOf(share, tolerance);
        if (severity)
          out.push(problem(severity, 'sibling-overlap', [list[i], list[j]], `overlaps its sibling ${featureId(list[j])} by ${percent(share)} of the smaller one's area (tolerance ${percent(tolerance)})`));
      }
    }
  }
  return out;
}
