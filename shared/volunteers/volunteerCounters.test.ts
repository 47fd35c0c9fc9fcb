import { describe, expect, it } from 'vitest';
import { addVolunteerContribution, cloneVolunteerCounters, emptyVolunteerCounters, rollOverVolunteerDays, type VolunteerCountable } from './volunteerCounters';
import { volunteerHoursToday, visitsPerActivity } from './volunteerIndicators';
import { dayStart } from '../time/dayStart';

const DAY = 86_400_000;
const today = dayStart(Date.parse('2026-11-25T06:00:00Z'));

describe('volunteer counters', () => {
  it('counts an activity by its status, its start day and, once ended, the visits of its end day', () => {
    const c = emptyVolunteerCounters();
    const planned: VolunteerCountable = { kind: 'activity', type: 'elderly_care', status: 'planned', startedAtMs: null, endedAtMs: null, residentVisits: 0 };
    const ongoing: VolunteerCountable = { ...planned, status: 'ongoing', startedAtMs: today - DAY + 3600_000 };
    const ended: VolunteerCountable = { ...ongoing, status: 'ended', endedAtMs: today + 3600_000, residentVisits: 56 };
    addVolunteerContribution(c, planned, 1, today);
    expect(c).toMatchObject({ activitiesPlanned: 1, activitiesTotal: 0 });
    addVolunteerContribution(c, planned, -1, today);
    addVolunteerContribution(c, ongoing, 1, today);
    expect(c).toMatchObject({ activitiesPlanned: 0, activitiesOngoing: 1, activitiesTotal: 1, activitiesToday: 0, activitiesTodayByType: {} });
    expect(c.activitiesByDay).toEqual([0, 0, 0, 0, 0, 1, 0]);
    addVolunteerContribution(c, ongoing, -1, today);
    addVolunteerContribution(c, ended, 1, today);
    expect(c).toMatchObject({ activitiesOngoing: 0, residentVisitsToday: 56, residentVisitsTotal: 56 });
    expect(c.residentVisitsByDay).toEqual([0, 0, 0, 0, 0, 0, 56]);
    expect(visitsPerActivity(c)).toBe(56);
  });

  it('counts a volunteer active until checked out, then the credited time and points of the check-out day', () => {
    const c = emptyVolunteerCounters();
    const open: VolunteerCountable = { kind: 'participation', checkInAtMs: today + 1000, checkOutAtMs: null, creditedMs: 0, points: 0 };
    addVolunteerContribution(c, open, 1, today);
    expect(c).toMatchObject({ volunteersActive: 1, checkInsToday: 1, serviceMsToday: 0 });
    addVolunteerContribution(c, open, -1, today);
    addVolunteerContribution(c, { ...open, checkOutAtMs: today + 2 * 3600_000, creditedMs: 2 * 3600_000, points: 20 }, 1, today);
    expect(c).toMatchObject({ volunteersActive: 0, checkInsToday: 1, serviceMsToday: 7_200_000, serviceMsTotal: 7_200_000, pointsToday: 20, pointsTotal: 20 });
    expect(volunteerHoursToday(c)).toBe(2);
  });

  it('at midnight zeroes what counts today, keeps totals and moves the series on', () => {
    const c = emptyVolunteerCounters();
    addVolunteerContribution(c, { kind: 'activity', type: 'sanitation', status: 'ongoing', startedAtMs: today, endedAtMs: null, residentVisits: 0 }, 1, today);
    addVolunteerContribution(c, { kind: 'team' }, 1, today);
    const before = cloneVolunteerCounters(c);
    rollOverVolunteerDays(c, 1);
    expect(c).toMatchObject({ activitiesToday: 0, activitiesTodayByType: {}, activitiesTotal: 1, activitiesOngoing: 1, teams: 1 });
    expect(c.activitiesByDay).toEqual([0, 0, 0, 0, 0, 1, 0]);
    expect(before.activitiesByDay).toEqual([0, 0, 0, 0, 0, 0, 1]); // the clone is its own copy
    // Removing it after the midnight takes it from the day it now sits in.
    addVolunteerContribution(c, { kind: 'activity', type: 'sanitation', status: 'ongoing', startedAtMs: today, endedAtMs: null, residentVisits: 0 }, -1, today + DAY);
    expect(c.activitiesByDay).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(c.activitiesTotal).toBe(0);
  });
});
