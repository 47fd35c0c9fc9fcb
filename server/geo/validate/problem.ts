import type { Geometry } from 'geojson';
import type { Level } from '../../../shared/geo/region';

/** One feature as read from an import file, before anything about it is trusted. */
export interface ImportFeature {
  /** The file it came from, as named on the command line (or inside the folder named). */
  file: string;
  /** Position in the file's `features` array, 0-based. */
  index: number;
  properties: Record<string, unknown>;
  /** From the `level` property, else from the file name (grids.geojson → grid); undefined if neither. */
  level: Level | undefined;
  /** null for a parent given without an outline (to be derived with --derive-parents). */
  geometry: Geometry | null;
}

export type Severity = 'error' | 'warning';

/** One finding. `rule` is a stable kebab-case name (docs/GEOGRAPHY.md lists them all). */
export interface GeoProblem {
  severity: Severity;
  rule: string;
  message: string;
  /** The features concerned, first the offending one. */
  features: ImportFeature[];
}

/** Limits beyond which a geometric mismatch is an error; below them (and above noise) a warning. */
export interface Tolerances {
  /** Share of a child's area allowed outside its parent, 0..1. */
  outside: number;
  /** Share of the smaller sibling's area two siblings may overlap by, 0..1. */
  overlap: number;
  /** Share of a parent's area its children may leave uncovered, 0..1. */
  gap: number;
}

export const DEFAULT_TOLERANCES: Tolerances = { outside: 0.01, overlap: 0.01, gap: 0.01 };

/**
 * Shares below this are floating-point noise from polygon clipping of borders that coincide,
 * and are not reported at all (0.0001 %).
 */
export const NOISE = 1e-6;

/** The feature's id as a string (numbers accepted: codes are often stored as numbers), or undefined. */
export function featureId(f: ImportFeature): string | undefined {
  const id = f.properties.id;
  if (typeof id === 'string' && id.trim() !== '') return id.trim();
  if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) return String(id);
  return undefined;
}

/** The feature's parentId as a string, null for "none given", undefined when malformed. */
export function featureParentId(f: ImportFeature): string | null | undefined {
  const p = f.properties.parentId;
  if (p === null || p === undefined || p === '') return null;
  if (typeof p === 'string') return p.trim();
  if (typeof p === 'number' && Number.isSafeInteger(p) && p >= 0) return String(p);
  return undefined;
}

/** How a message names a feature: `grid 150602011002003 "曙光社区第3网格" (grids.geojson features[2])`. */
export function describeFeature(f: ImportFeature): string {
  const id = featureId(f);
  const name = typeof f.properties.name === 'string' && f.properties.name.trim() ? ` "${f.properties.name}"` : '';
  return `${f.level ?? 'feature'} ${id ?? '(no id)'}${name} (${f.file} features[${f.index}])`;
}

/** A problem about `features[0]`, its description prefixed to `text`. */
export function problem(severity: Severity, rule: string, features: ImportFeature[], text: string): GeoProblem {
  return { severity, rule, features, message: `${describeFeature(features[0])}: ${text}` };
}

/** Severity for a measured share against its tolerance; null when it is noise. */
export function severityOf(share: number, tolerance: number): Severity | null {
  if (share > tolerance) return 'error';
  if (share > NOISE) return 'warning';
  return null;
}

/** A share as a percentage for messages: 0.0123 → "1.23 %". */
export function percent(share: number): string {
  return `${(share * 100).toPrecision(3)} %`;
}
