import { closureRate, dueCount } from '../../shared/aggregates/indicators';
import type { ScreenCounters } from '../../shared/aggregates/regionCounters';
import type { Region } from '../../shared/geo/region';

/** Letter grades command centres rank departments and posts on (DOMAIN.md): A ≥ 90 %, B ≥ 75 % … */
export type Grade = 'A' | 'B' | 'C' | 'D' | 'E';

/** The grade of a rate 0–1. */
export function gradeOf(rate: number): Grade {
  const pct = rate * 100;
  if (pct >= 90) return 'A';
  if (pct >= 75) return 'B';
  if (pct >= 60) return 'C';
  if (pct >= 40) return 'D';
  return 'E';
}

export interface ClosureRow {
  id: string;
  /** 0–1. */
  rate: number;
  grade: Grade;
  closed: number;
  due: number;
}

export interface OverdueRow {
  id: string;
  overdue: number;
  open: number;
}

/**
 * Children by closure rate (结案率), best first; ties go to the one that closed more, then by id
 * so the order is stable from tick to tick. Regions with nothing due are left out: no rate.
 */
export function rankByClosureRate(
  children: readonly Region[],
  counters: Readonly<Record<string, ScreenCounters>> | null,
  top: number,
): ClosureRow[] {
  const rows: ClosureRow[] = [];
  for (const r of children) {
    const c = counters?.[r.id];
    const rate = c ? closureRate(c) : null;
    if (c && rate !== null) rows.push({ id: r.id, rate, grade: gradeOf(rate), closed: c.closed, due: dueCount(c) });
  }
  rows.sort((a, b) => b.rate - a.rate || b.closed - a.closed || cmp(a.id, b.id));
  return rows.slice(0, top);
}

/** Children with overdue cases (超时), most first; ties by open cases, then by id. */
export function rankByOverdue(
  children: readonly Region[],
  counters: Readonly<Record<string, ScreenCounters>> | null,
  top: number,
): OverdueRow[] {
  const rows: OverdueRow[] = [];
  for (const r of children) {
    const c = counters?.[r.id];
    if (c && c.overdue > 0) rows.push({ id: r.id, overdue: c.overdue, open: c.open });
  }
  rows.sort((a, b) => b.overdue - a.overdue || b.open - a.open || cmp(a.id, b.id));
  return rows.slice(0, top);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
