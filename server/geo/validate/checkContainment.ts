import { area, difference, featureCollection } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { featureParentId, percent, problem, severityOf, type GeoProblem, type ImportFeature } from './problem';
import type { RegionTree } from './regionTree';

/**
 * A child may not stick out of its parent: share = area(child − parent) / area(child), an error
 * above `tolerance`, a warning above noise. Only features with sound geometry are measured.
 */
export function checkContainment(tree: RegionTree, sound: ReadonlySet<ImportFeature>, tolerance: number): GeoProblem[] {
  const out: GeoProblem[] = [];
  for (const child of sound) {
    const parentId = featureParentId(child);
    const parent = parentId ? tree.byId.get(parentId) : undefined;
    if (!parent || !sound.has(parent)) continue;
    let share: number;
    try {
      const c = asFeature(child);
      const outside = difference(featureCollection([c, asFeature(parent)]));
      share = outside ? area(outside) / area(c) : 0;
    } catch (e) {
      out.push(problem('error', 'geometry-failed', [child, parent], `could not be compared with its parent ${parentId}: ${(e as Error).message}`));
      continue;
    }
    const severity = severityOf(share, tolerance);
    if (severity)
      out.push(problem(severity, 'outside-parent', [child, parent], `${percent(share)} of its area lies outside its parent ${parentId} (tolerance ${percent(tolerance)})`));
  }
  return out;
}

/** The feature as a GeoJSON Feature turf can clip; call only for features with sound geometry. */
export function asFeature(f: ImportFeature): Feature<Polygon | MultiPolygon> {
  return { type: 'Feature', properties: {}, geometry: f.geometry as Polygon | MultiPolygon };
}
