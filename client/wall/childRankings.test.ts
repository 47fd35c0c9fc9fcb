import { describe, expect, it } from 'vitest';
import type { Region } from '../../shared/geo/region';
import { counters } from '../stream/testing/fixtures';
import { gradeOf, rankByClosureRate, rankByOverdue } from './childRankings';

const kids: Region[] = ['a', 'b', 'c', 'd'].map((id) => ({ id, parentId: 'p', level: 'street', name: id }));

describe('gradeOf', () => {
  it.each([
    [0.9, 'A'],
    [0.8999, 'B'],
    [0.75, 'B'],
    [0.6, 'C'],
    [0.4, 'D'],
    [0.3999, 'E'],
  ])('%d → %s (both sides of each boundary)', (rate, grade) => expect(gradeOf(rate)).toBe(grade));
});

describe('rankByClosureRate', () => {
  const c = {
    a: counters({ total: 10, closed: 5 }),
    b: counters({ total: 10, closed: 9 }),
    c: counters({ total: 20, closed: 18 }),
    d: counters({ total: 0 }),
  };
  it('puts the best first, breaking ties by cases closed, and leaves out regions with nothing due', () => {
    expect(rankByClosureRate(kids, c, 10).map((r) => [r.id, r.grade])).toEqual([
      ['c', 'A'],
      ['b', 'A'],
      ['a', 'D'],
    ]);
  });
  it('keeps the top n', () => {
    expect(rankByClosureRate(kids, c, 1)).toHaveLength(1);
  });
  it('leaves rejected cases out of the denominator', () => {
    expect(rankByClosureRate(kids, { a: counters({ total: 10, rejected: 5, closed: 5 }) }, 5)[0].rate).toBe(1);
  });
});

describe('rankByOverdue', () => {
  it('lists only regions with overdue cases, most first, ties by open', () => {
    const c = {
      a: counters({ overdue: 2, open: 5 }),
      b: counters({ overdue: 0, open: 50 }),
      c: counters({ overdue: 2, open: 9 }),
      d: counters({ overdue: 7, open: 7 }),
    };
    expect(rankByOverdue(kids, c, 10).map((r) => r.id)).toEqual(['d', 'c', 'a']);
  });
  it('is empty before the counters arrive', () => {
    expect(rankByOverdue(kids, null, 10)).toEqual([]);
  });
});
