import type { GeographyCollection } from '../../shared/geo/region';

/** JSON with one feature per line: small, and a regenerated file diffs feature by feature. */
export function formatGeography(geo: GeographyCollection): string {
  const { features, ...head } = geo;
  const lines = features.map((f) => JSON.stringify(f));
  return `${JSON.stringify(head).slice(0, -1)},"features":[\n${lines.join(',\n')}\n]}\n`;
}
