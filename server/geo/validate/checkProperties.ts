import { GRID_KINDS, LEVELS } from '../../../shared/geo/region';
import { featureId, featureParentId, problem, type GeoProblem, type ImportFeature } from './problem';

/**
 * Per-feature property rules: id present and unique, level known, name not empty, kind valid on
 * grids, population and households non-negative integers.
 */
export function checkProperties(features: readonly ImportFeature[]): GeoProblem[] {
  const out: GeoProblem[] = [];
  const firstById = new Map<string, ImportFeature>();
  for (const f of features) {
    const id = featureId(f);
    if (id === undefined) out.push(problem('error', 'missing-id', [f], 'has no id (property "id", a non-empty string or code)'));
    else {
      const first = firstById.get(id);
      if (first) out.push(problem('error', 'duplicate-id', [f, first], `id ${id} is already used by ${first.file} features[${first.index}]`));
      else firstById.set(id, f);
    }
    if (f.level === undefined && f.properties.level !== undefined)
      out.push(problem('error', 'invalid-level', [f], `level is ${JSON.stringify(f.properties.level)}; it must be one of ${LEVELS.join(', ')}`));
    else if (f.level === undefined)
      out.push(problem('error', 'missing-level', [f], 'has no level: give property "level" (district, street, community, grid) or name the file after the level'));
    const name = f.properties.name;
    if (typeof name !== 'string' || name.trim() === '') out.push(problem('error', 'empty-name', [f], 'has an empty or missing name'));
    if (featureParentId(f) === undefined) out.push(problem('error', 'bad-parent-id', [f], 'parentId must be a string id, or null for the district'));

    const kind = f.properties.kind;
    if (f.level === 'grid') {
      if (!GRID_KINDS.includes(kind as never))
        out.push(problem('error', 'invalid-kind', [f], `kind is ${JSON.stringify(kind)}; a grid's kind must be "comprehensive" (综合网格) or "dedicated" (专属网格)`));
      if (id !== undefined && !/^\d{15}$/.test(id))
        out.push(problem('warning', 'grid-id-format', [f], 'grid id is not 15 digits (community code + 3); clients cannot name it in an event\'s gridId'));
    } else if (kind !== undefined && f.level !== undefined) {
      out.push(problem('warning', 'kind-on-non-grid', [f], `kind is only meaningful on grids and is dropped from a ${f.level}`));
    }
    for (const key of ['population', 'households'] as const) {
      const v = f.properties[key];
      if (v !== undefined && v !== null && !(typeof v === 'number' && Number.isSafeInteger(v) && v >= 0))
        out.push(problem('error', 'bad-count', [f], `${key} must be a non-negative integer, not ${JSON.stringify(v)}`));
    }
  }
  return out;
}
