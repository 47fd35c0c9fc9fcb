import type { Alert } from '../../shared/alerts/alert';
import type { Category, Severity } from '../../shared/events/categories';
import type { GridEvent } from '../../shared/events/gridEvent';
import type { Hierarchy } from '../../shared/geo/hierarchy';

/** What the officer narrowed the queue to; an empty list means "all". */
export interface AlertFilter {
  /** A street or community (or any region): alerts in it and below it. Null: everywhere. */
  regionId: string | null;
  severities: readonly Severity[];
  categories: readonly Category[];
}

export const NO_FILTER: AlertFilter = { regionId: null, severities: [], categories: [] };

/** The category an alert is about: its event's, else the one the alert names; a spike has none. */
export function alertCategory(a: Alert, event: GridEvent | null | undefined): Category | null {
  return event?.category ?? a.detail?.category ?? null;
}

/**
 * Whether an alert passes the filter. Region: the alert's place (an event's grid, a spike's
 * street or community) lies in the chosen region. Category: an alert without one (a spike) is
 * left out once a category is chosen — it is not about that category.
 */
export function matchesFilter(a: Alert, event: GridEvent | null | undefined, f: AlertFilter, h: Hierarchy): boolean {
  if (f.regionId !== null && !h.path(a.regionId).includes(f.regionId)) return false;
  if (f.severities.length > 0 && !f.severities.includes(a.severity)) return false;
  if (f.categories.length > 0) {
    const c = alertCategory(a, event);
    if (c === null || !f.categories.includes(c)) return false;
  }
  return true;
}

/** Whether the filter narrows anything (to show "filtered: n of m" and a reset). */
export function isFiltering(f: AlertFilter): boolean {
  return f.regionId !== null || f.severities.length > 0 || f.categories.length > 0;
}
