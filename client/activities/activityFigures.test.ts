import { describe, expect, it } from 'vitest';
import { emptyServiceCardCounters } from '../../shared/serviceCards/serviceCardCounters';
import { emptyVolunteerCounters } from '../../shared/volunteers/volunteerCounters';
import { activityTypeLabel, dayLabels, funnelStageLabel, funnelSteps, serviceCardFigures, topTypes, volunteerFigures } from './activityFigures';

describe('volunteerFigures', () => {
  it('reads the counters and derives hours', () => {
    const c = emptyVolunteerCounters();
    c.activitiesToday = 5;
    c.volunteersActive = 12;
    c.residentVisitsToday = 40;
    c.serviceMsToday = 5_400_000;
    c.activitiesTodayByType = { sanitation: 3, elderly_care: 2 };
    c.activitiesByDay = [1, 2, 3, 4, 5, 6, 5];
    const f = volunteerFigures(c)!;
    expect(f.activitiesToday).toBe(5);
    expect(f.volunteersActive).toBe(12);
    expect(f.residentVisitsToday).toBe(40);
    expect(f.hoursToday).toBe(1.5);
    expect(f.byType).toHaveLength(10);
    expect(f.byType.find((t) => t.code === 'sanitation')!.count).toBe(3);
    expect(f.byType.find((t) => t.code === 'civility')!.count).toBe(0);
    expect(f.byDay).toEqual([1, 2, 3, 4, 5, 6, 5]);
  });
  it('gives "not known" for what is missing or malformed, null for no counters', () => {
    expect(volunteerFigures(undefined)).toBeNull();
    expect(volunteerFigures([1])).toBeNull();
    const f = volunteerFigures({ activitiesToday: -1, volunteersActive: 'x', activitiesByDay: [1, 2], activitiesTodayByType: { sanitation: 'lots' } })!;
    expect(f.activitiesToday).toBeNull();
    expect(f.volunteersActive).toBeNull();
    expect(f.hoursToday).toBeNull();
    expect(f.byDay).toBeNull();
    expect(f.byType.every((t) => t.count === 0)).toBe(true);
  });
});

describe('topTypes', () => {
  it('keeps the busiest types, most first, ties in the fixed order, none of the empty ones', () => {
    const byType = [
      { code: 'security_patrol' as const, count: 2 },
      { code: 'sanitation' as const, count: 5 },
      { code: 'civility' as const, count: 0 },
      { code: 'elderly_care' as const, count: 2 },
    ];
    expect(topTypes(byType, 2)).toEqual([{ code: 'sanitation', count: 5 }, { code: 'security_patrol', count: 2 }]);
    expect(topTypes(byType, 10).map((t) => t.code)).toEqual(['sanitation', 'security_patrol', 'elderly_care']);
    expect(topTypes(byType, 0)).toEqual([]);
  });
});

describe('labels', () => {
  it('names types and stages in both languages', () => {
    expect(activityTypeLabel('sanitation', 'zh-CN')).toBe('环境卫生联治');
    expect(activityTypeLabel('sanitation', 'en')).toBe('Joint sanitation');
    expect(activityTypeLabel('newer_type', 'zh-CN')).toBe('newer_type');
    expect(['requested', 'dispatched', 'accepted', 'done'].map((s) => funnelStageLabel(s as never, 'zh-CN'))).toEqual(['点单', '下单', '接单', '完成']);
    expect(funnelStageLabel('accepted', 'en')).toBe('Accepted');
  });
  it('labels the last 7 China days, today last', () => {
    // 2025-03-02 01:00 CST is 2025-03-01 17:00 UTC.
    expect(dayLabels(Date.parse('2025-03-01T17:00:00Z'))).toEqual(['2/24', '2/25', '2/26', '2/27', '2/28', '3/1', '3/2']);
  });
});

describe('funnel', () => {
  it('gives each step its share of the first and of the step before', () => {
    const s = funnelSteps({ requested: 10, dispatched: 8, accepted: 4, done: 0, rated: 0 });
    expect(s.map((x) => x.stage)).toEqual(['requested', 'dispatched', 'accepted', 'done']);
    expect(s.map((x) => x.ofFirst)).toEqual([1, 0.8, 0.4, 0]);
    expect(s.map((x) => x.ofPrevious)).toEqual([null, 0.8, 0.5, 0]);
    expect(funnelSteps({ requested: 0, dispatched: 0, accepted: 0, done: 0, rated: 0 }).every((x) => x.ofFirst === null)).toBe(true);
  });
  it('uses today\'s funnel when anything was ordered today, else all orders', () => {
    const c = emptyServiceCardCounters();
    c.reached = { requested: 20, dispatched: 18, accepted: 15, done: 10, rated: 6 };
    expect(serviceCardFigures(c)!.scope).toBe('all');
    expect(serviceCardFigures(c)!.funnel[3]!.count).toBe(10);
    c.reachedToday = { requested: 3, dispatched: 2, accepted: 1, done: 0, rated: 0 };
    expect(serviceCardFigures(c)!.scope).toBe('today');
    expect(serviceCardFigures(c)!.funnel.map((x) => x.count)).toEqual([3, 2, 1, 0]);
  });
  it('means acceptance time (today first) and satisfaction', () => {
    const c = emptyServiceCardCounters();
    c.acceptedCount = 4;
    c.acceptanceMsSum = 4 * 30 * 60_000;
    c.ratingCount = 4;
    c.ratingSum = 18;
    c.ratingsByScore = [0, 0, 1, 0, 3];
    let f = serviceCardFigures(c)!;
    expect(f.acceptanceMinutes).toBe(30);
    expect(f.meanRating).toBe(4.5);
    expect(f.satisfaction).toBe(0.75);
    c.acceptedToday = 2;
    c.acceptanceMsSumToday = 2 * 10 * 60_000;
    f = serviceCardFigures(c)!;
    expect(f.acceptanceMinutes).toBe(10);
  });
  it('reads nothing it cannot trust', () => {
    expect(serviceCardFigures(null)).toBeNull();
    const f = serviceCardFigures({ reached: { requested: 'x' }, ratingsByScore: [1] })!;
    expect(f.funnel).toEqual([]);
    expect(f.meanRating).toBeNull();
    expect(f.satisfaction).toBeNull();
    expect(f.acceptanceMinutes).toBeNull();
  });
});
