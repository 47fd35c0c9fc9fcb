import type { ActivityType } from './activityTypes';
import type { ActivityStatus } from './activityLifecycle';
import { dayIndex, shiftSeries, zeroSeries } from './dayWindow';

/**
 * The volunteer panel's counters for one region (any level): streamed as panel `volunteer`
 * (FocusSnapshot.panels.volunteer[regionId]) and returned by GET /api/regions/:id/activities.
 * "Today" is the local (China Standard Time) day. Times are ms; hours are derived
 * (volunteerIndicators.ts), never stored, so everything can be recounted exactly.
 */
export interface VolunteerCounters {
  /** Teams registered in the region (a team attached to a community counts there and above). */
  teams: number;
  /** Volunteers registered in the region's teams. */
  volunteers: number;
  /** Activities created and not yet started or cancelled (any date). */
  activitiesPlanned: number;
  /** Activities under way now. */
  activitiesOngoing: number;
  /** Activities started since local midnight (开展活动, today). */
  activitiesToday: number;
  /** Activities ever started (cancelled ones never are). */
  activitiesTotal: number;
  /** Today's activities by type (absent: none). */
  activitiesTodayByType: Partial<Record<ActivityType, number>>;
  /** Volunteers checked in now and not yet out (在岗志愿者). */
  volunteersActive: number;
  /** Check-ins since local midnight. */
  checkInsToday: number;
  /** Resident-visits served (服务居民人次) by activities that ended today. */
  residentVisitsToday: number;
  residentVisitsTotal: number;
  /** Service time credited at check-outs today, ms (志愿服务时长). */
  serviceMsToday: number;
  serviceMsTotal: number;
  /** Points (积分) earned at check-outs today / ever. */
  pointsToday: number;
  pointsTotal: number;
  /**
   * The last 7 local days, oldest first; the last entry is today (equal to the *Today field).
   * Day i starts at (today's local midnight) − (6 − i) days.
   */
  activitiesByDay: number[];
  residentVisitsByDay: number[];
  serviceMsByDay: number[];
}

/** What of a stored record the volunteer counters depend on. Times in epoch ms. */
export type VolunteerCountable =
  | { kind: 'team' }
  | { kind: 'volunteer' }
  | {
      kind: 'activity';
      type: ActivityType;
      status: ActivityStatus;
      startedAtMs: number | null;
      endedAtMs: number | null;
      residentVisits: number;
    }
  | { kind: 'participation'; checkInAtMs: number; checkOutAtMs: number | null; creditedMs: number; points: number };

export function emptyVolunteerCounters(): VolunteerCounters {
  return {
    teams: 0,
    volunteers: 0,
    activitiesPlanned: 0,
    activitiesOngoing: 0,
    activitiesToday: 0,
    activitiesTotal: 0,
    activitiesTodayByType: {},
    volunteersActive: 0,
    checkInsToday: 0,
    residentVisitsToday: 0,
    residentVisitsTotal: 0,
    serviceMsToday: 0,
    serviceMsTotal: 0,
    pointsToday: 0,
    pointsTotal: 0,
    activitiesByDay: zeroSeries(),
    residentVisitsByDay: zeroSeries(),
    serviceMsByDay: zeroSeries(),
  };
}

function bump<K extends string>(m: Partial<Record<K, number>>, k: K, by: number): void {
  const v = (m[k] ?? 0) + by;
  if (v === 0) delete m[k];
  else m[k] = v;
}

/**
 * Adds (sign 1) or removes (sign -1) one record's contribution to a region's counters, in
 * place. It depends only on the record's stored state and the day, so removing the "before"
 * state of a change undoes exactly what adding it did. `todayStartMs`: the local midnight.
 */
export function addVolunteerContribution(c: VolunteerCounters, x: VolunteerCountable, sign: 1 | -1, todayStartMs: number): void {
  switch (x.kind) {
    case 'team':
      c.teams += sign;
      return;
    case 'volunteer':
      c.volunteers += sign;
      return;
    case 'activity': {
      if (x.status === 'planned') c.activitiesPlanned += sign;
      else if (x.status === 'ongoing') c.activitiesOngoing += sign;
      if (x.startedAtMs !== null) {
        c.activitiesTotal += sign;
        const i = dayIndex(x.startedAtMs, todayStartMs);
        if (i >= 0) c.activitiesByDay[i] += sign;
        if (x.startedAtMs >= todayStartMs) {
          c.activitiesToday += sign;
          bump(c.activitiesTodayByType, x.type, sign);
        }
      }
      if (x.status === 'ended' && x.endedAtMs !== null) {
        c.residentVisitsTotal += sign * x.residentVisits;
        const i = dayIndex(x.endedAtMs, todayStartMs);
        if (i >= 0) c.residentVisitsByDay[i] += sign * x.residentVisits;
        if (x.endedAtMs >= todayStartMs) c.residentVisitsToday += sign * x.residentVisits;
      }
      return;
    }
    case 'participation': {
      if (x.checkInAtMs >= todayStartMs) c.checkInsToday += sign;
      if (x.checkOutAtMs === null) {
        c.volunteersActive += sign;
        return;
      }
      c.serviceMsTotal += sign * x.creditedMs;
      c.pointsTotal += sign * x.points;
      const i = dayIndex(x.checkOutAtMs, todayStartMs);
      if (i >= 0) c.serviceMsByDay[i] += sign * x.creditedMs;
      if (x.checkOutAtMs >= todayStartMs) {
        c.serviceMsToday += sign * x.creditedMs;
        c.pointsToday += sign * x.points;
      }
    }
  }
}

/** What a region's counters become when `days` (≥ 1) local midnights have passed. */
export function rollOverVolunteerDays(c: VolunteerCounters, days: number): void {
  c.activitiesToday = 0;
  c.activitiesTodayByType = {};
  c.checkInsToday = 0;
  c.residentVisitsToday = 0;
  c.serviceMsToday = 0;
  c.pointsToday = 0;
  shiftSeries(c.activitiesByDay, days);
  shiftSeries(c.residentVisitsByDay, days);
  shiftSeries(c.serviceMsByDay, days);
}

export function cloneVolunteerCounters(c: VolunteerCounters): VolunteerCounters {
  return {
    ...c,
    activitiesTodayByType: { ...c.activitiesTodayByType },
    activitiesByDay: [...c.activitiesByDay],
    residentVisitsByDay: [...c.residentVisitsByDay],
    serviceMsByDay: [...c.serviceMsByDay],
  };
}
