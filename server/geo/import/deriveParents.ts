import { featureCollection, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Level } from '../../../shared/geo/region';
import { featureId, featureParentId, problem, type GeoProblem, type ImportFeature } from '../validate/problem';

const UPWARDS: Level[] = ['community', 'street', 'district'];

/**
 * --derive-parents: gives every community, street and district that came without geometry the
 * union (turf.union) of its children's outlines, bottom-up, so grids alone plus a table of their
 * parents make a whole geography. Returns new feature objects; the input is not changed.
 */
export function deriveParents(features: readonly ImportFeature[]): { features: ImportFeature[]; problems: GeoProblem[] } {
  const out = features.map((f) => ({ ...f }));
  const problems: GeoProblem[] = [];
  const children = new Map<string, ImportFeature[]>();
  for (const f of out) {
    const p = featureParentId(f);
    if (!p) continue;
    const list = children.get(p);
    if (list) list.push(f);
    else children.set(p, [f]);
  }
  for (const level of UPWARDS) {
    for (const f of out) {
      if (f.level !== level || f.geometry !== null) continue;
      const id = featureId(f);
      const kids = (id !== undefined ? children.get(id) ?? [] : []).filter((k) => k.geometry && (k.geometry.type === 'Polygon' || k.geometry.type === 'MultiPolygon'));
      if (kids.length === 0) {
        problems.push(problem('error', 'nothing-to-derive', [f], 'has no geometry and no children with an outline to derive it from'));
        continue;
      }
      try {
        const kidFeatures = kids.map((k) => ({ type: 'Feature', properties: {}, geometry: k.geometry }) as Feature<Polygon | MultiPolygon>);
        const merged = kidFeatures.length === 1 ? kidFeatures[0] : union(featureCollection(kidFeatures));
        if (merged) f.geometry = merged.geometry;
      } catch (e) {
        problems.push(problem('error', 'geometry-failed', [f], `could not derive its outline from its ${kids.length} children: ${(e as Error).message}`));
      }
    }
  }
  return { features: out, problems };
}
