import { LEVELS } from '../../../shared/geo/region';
import { featureId, featureParentId, type ImportFeature } from './problem';

/** First feature per id and children per parent id (right level only): what the area rules walk. */
export interface RegionTree {
  byId: Map<string, ImportFeature>;
  children: Map<string, ImportFeature[]>;
}

/** Indexes features by id (the first wins on duplicates, which checkProperties reports). */
export function regionTree(features: readonly ImportFeature[]): RegionTree {
  const byId = new Map<string, ImportFeature>();
  const children = new Map<string, ImportFeature[]>();
  for (const f of features) {
    const id = featureId(f);
    if (id !== undefined && !byId.has(id)) byId.set(id, f);
  }
  for (const f of features) {
    const id = featureId(f);
    const parentId = featureParentId(f);
    if (id === undefined || byId.get(id) !== f || !parentId) continue;
    // A child at the wrong level (reported by checkTree) is no sibling of the right ones.
    const parent = byId.get(parentId);
    if (!parent || parent.level === undefined || f.level === undefined || LEVELS.indexOf(parent.level) + 1 !== LEVELS.indexOf(f.level)) continue;
    const list = children.get(parentId);
    if (list) list.push(f);
    else children.set(parentId, [f]);
  }
  return { byId, children };
}
