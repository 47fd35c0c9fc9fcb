import { describe, expect, it } from 'vitest';
import { dayIndex, shiftSeries, WINDOW_DAYS } from './dayWindow';
import { dayStart } from '../time/dayStart';

const DAY = 86_400_000;

describe('dayIndex', () => {
  const today = dayStart(Date.parse('2026-11-25T06:00:00Z'));
  it('puts today last and six days ago first, on both sides of each midnight', () => {
    expect(dayIndex(today, today)).toBe(WINDOW_DAYS - 1);
    expect(dayIndex(today - 1, today)).toBe(WINDOW_DAYS - 2);
    expect(dayIndex(today + DAY - 1, today)).toBe(WINDOW_DAYS - 1);
    expect(dayIndex(today - 6 * DAY, today)).toBe(0);
    expect(dayIndex(today - 6 * DAY - 1, today)).toBe(-1);
  });

  it('leaves out a time after today', () => {
    expect(dayIndex(today + DAY, today)).toBe(-1);
  });
});

describe('shiftSeries', () => {
  it('moves the window on by whole days, zeroes the new days', () => {
    const s = [1, 2, 3, 4, 5, 6, 7];
    shiftSeries(s, 2);
    expect(s).toEqual([3, 4, 5, 6, 7, 0, 0]);
    shiftSeries(s, 30);
    expect(s).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});
