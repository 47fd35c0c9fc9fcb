import { checkContainment } from './checkContainment';
import { checkCoverGaps } from './checkCoverGaps';
import { checkProperties } from './checkProperties';
import { checkRings } from './checkRings';
import { checkSiblingOverlaps } from './checkSiblingOverlaps';
import { checkTree } from './checkTree';
import { DEFAULT_TOLERANCES, problem, type GeoProblem, type ImportFeature, type Tolerances } from './problem';
import { regionTree } from './regionTree';

/**
 * Every rule over every feature; returns all problems found (never stops at the first), errors
 * and warnings alike, in rule order. Pure: no files, no console.
 */
export function validateGeography(features: readonly ImportFeature[], tolerances: Tolerances = DEFAULT_TOLERANCES): GeoProblem[] {
  const problems = [...checkProperties(features), ...checkTree(features)];
  for (const f of features)
    if (f.geometry === null) problems.push(problem('error', 'missing-geometry', [f], 'has no geometry (with --derive-parents, a parent\'s outline is derived from its children)'));
  const rings = checkRings(features);
  problems.push(...rings.problems);
  const tree = regionTree(features);
  problems.push(
    ...checkContainment(tree, rings.sound, tolerances.outside),
    ...checkSiblingOverlaps(tree, rings.sound, tolerances.overlap),
    ...checkCoverGaps(tree, rings.sound, tolerances.gap),
  );
  return problems;
}
