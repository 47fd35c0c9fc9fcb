import type { VolunteerCounters } from './volunteerCounters';

const HOUR_MS = 3600_000;

/** Volunteer hours served today (志愿服务时长), hours. */
export function volunteerHoursToday(c: VolunteerCounters): number {
  return c.serviceMsToday / HOUR_MS;
}

/** Volunteer hours served ever, hours. */
export function volunteerHoursTotal(c: VolunteerCounters): number {
  return c.serviceMsTotal / HOUR_MS;
}

/** Mean resident-visits served per activity ever started, or null when none has. */
export function visitsPerActivity(c: VolunteerCounters): number | null {
  return c.activitiesTotal > 0 ? c.residentVisitsTotal / c.activitiesTotal : null;
}

/** A region's volunteer counters with the figures derived from them (REST answers). */
export function volunteerIndicators(c: VolunteerCounters) {
  return {
    counters: c,
    hoursToday: volunteerHoursToday(c),
    hoursTotal: volunteerHoursTotal(c),
    visitsPerActivity: visitsPerActivity(c),
  };
}
