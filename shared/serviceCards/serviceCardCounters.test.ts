import { describe, expect, it } from 'vitest';
import { addOrderContribution, emptyServiceCardCounters, reachedStages, rollOverServiceCardDay, type OrderCountable } from './serviceCardCounters';
import { completionRate, meanAcceptanceMinutes, meanRating, satisfactionRate } from './serviceCardIndicators';
import { dayStart } from '../time/dayStart';

const MIN = 60_000;
const today = dayStart(Date.parse('2026-11-25T06:00:00Z'));
const requested: OrderCountable = { category: 'meal', stage: 'requested', requestedAtMs: today + MIN, dispatchedAtMs: null, acceptedAtMs: null, doneAtMs: null, ratedAtMs: null, rating: null };

describe('service-card counters', () => {
  it('moves an order through the stages, keeping the funnel and the time to acceptance', () => {
    const c = emptyServiceCardCounters();
    const states: OrderCountable[] = [
      requested,
      { ...requested, stage: 'dispatched', dispatchedAtMs: today + 10 * MIN },
      { ...requested, stage: 'accepted', dispatchedAtMs: today + 10 * MIN, acceptedAtMs: today + 31 * MIN },
      { ...requested, stage: 'done', dispatchedAtMs: today + 10 * MIN, acceptedAtMs: today + 31 * MIN, doneAtMs: today + 90 * MIN },
      { ...requested, stage: 'rated', dispatchedAtMs: today + 10 * MIN, acceptedAtMs: today + 31 * MIN, doneAtMs: today + 90 * MIN, ratedAtMs: today + 120 * MIN, rating: 4 },
    ];
    addOrderContribution(c, states[0], 1, today);
    for (let i = 1; i < states.length; i++) {
      addOrderContribution(c, states[i - 1], -1, today);
      addOrderContribution(c, states[i], 1, today);
    }
    expect(c).toMatchObject({ total: 1, today: 1, open: 0, acceptedCount: 1, acceptanceMsSum: 30 * MIN, acceptedToday: 1, ratingCount: 1, ratingSum: 4, ratedToday: 1, todayByCategory: { meal: 1 } });
    expect(c.atStage).toEqual({ requested: 0, dispatched: 0, accepted: 0, done: 0, rated: 1, cancelled: 0 });
    expect(c.reached).toEqual({ requested: 1, dispatched: 1, accepted: 1, done: 1, rated: 1 });
    expect(c.ratingsByScore).toEqual([0, 0, 0, 1, 0]);
    expect(meanAcceptanceMinutes(c)).toBe(30);
    expect(meanRating(c)).toBe(4);
    expect(satisfactionRate(c)).toBe(1);
    expect(completionRate(c)).toBe(1);
  });

  it('reads how far an order got from its time stamps (a declined dispatch is undone)', () => {
    expect(reachedStages(requested)).toEqual(['requested']);
    expect(reachedStages({ ...requested, stage: 'cancelled', dispatchedAtMs: today + MIN })).toEqual(['requested', 'dispatched']);
  });

  it('at midnight forgets today, keeps the totals and the stage counts', () => {
    const c = emptyServiceCardCounters();
    addOrderContribution(c, requested, 1, today);
    rollOverServiceCardDay(c);
    expect(c).toMatchObject({ total: 1, today: 0, open: 1, todayByCategory: {} });
    expect(c.reachedToday.requested).toBe(0);
    expect(c.atStage.requested).toBe(1);
  });
});
