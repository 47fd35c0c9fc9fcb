import { LEVELS } from '../../../shared/geo/region';
import { featureId, featureParentId, problem, type GeoProblem, type ImportFeature } from './problem';

/**
 * Tree rules: exactly one district and it has no parent; every other feature names a parent that
 * exists, one level up (district → street → community → grid).
 */
export function checkTree(features: readonly ImportFeature[]): GeoProblem[] {
  const out: GeoProblem[] = [];
  const byId = new Map<string, ImportFeature>();
  for (const f of features) {
    const id = featureId(f);
    if (id !== undefined && !byId.has(id)) byId.set(id, f);
  }
  const districts = features.filter((f) => f.level === 'district');
  if (districts.length === 0) out.push({ severity: 'error', rule: 'no-district', features: [], message: 'no feature has level "district": the tree has no root' });
  for (const extra of districts.slice(1))
    out.push(problem('error', 'two-districts', [extra, districts[0]], `a second district; ${featureId(districts[0]) ?? '(no id)'} is already the root`));

  for (const f of features) {
    if (f.level === undefined) continue;
    const parentId = featureParentId(f);
    if (f.level === 'district') {
      if (parentId) out.push(problem('error', 'wrong-nesting', [f], `a district must have parentId null, not ${parentId}`));
      continue;
    }
    if (parentId === undefined) continue; // reported by checkProperties
    if (parentId === null) {
      out.push(problem('error', 'unknown-parent', [f], 'has no parentId'));
      continue;
    }
    const parent = byId.get(parentId);
    if (!parent) {
      out.push(problem('error', 'unknown-parent', [f], `names parent ${parentId}, which is not in the input`));
      continue;
    }
    const want = LEVELS[LEVELS.indexOf(f.level) - 1];
    if (parent.level !== undefined && parent.level !== want)
      out.push(problem('error', 'wrong-nesting', [f, parent], `a ${f.level} must sit under a ${want}, but its parent ${parentId} is a ${parent.level}`));
  }
  return out;
}
