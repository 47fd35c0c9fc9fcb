import type { ActivityType } from './activityTypes';
import type { ActivityStatus } from './activityLifecycle';

/**
 * The volunteer stream as stored and as the API returns it. Times are ISO-8601 strings (UTC);
 * `seq` is the activity store's sequence number of the change that created the record,
 * `updatedSeq` of its latest change.
 */

/** A volunteer service team (志愿服务队), attached to a community or to one grid. */
export interface VolunteerTeam {
  /** The registering client's id; unique, so a retried registration does not duplicate. */
  id: string;
  seq: number;
  name: string;
  /** A community (12 digits) or a grid (15 digits). */
  regionId: string;
  registeredAt: string;
}

/** A registered volunteer (志愿者). Counted where the team is. */
export interface Volunteer {
  id: string;
  seq: number;
  teamId: string;
  /** The team's region, copied when registered (teams do not move). */
  regionId: string;
  name: string;
  registeredAt: string;
}

/** One activity (志愿服务活动) held in a grid. */
export interface VolunteerActivity {
  id: string;
  seq: number;
  updatedSeq: number;
  teamId: string;
  type: ActivityType;
  title: string;
  description: string;
  /** Where it is held. */
  gridId: string;
  /** WGS-84, when the client gave a location rather than a grid id. */
  lon: number | null;
  lat: number | null;
  plannedStartAt: string;
  plannedEndAt: string;
  status: ActivityStatus;
  /** When it started: an explicit start, else the first check-in. */
  startedAt: string | null;
  /** When it ended (or was cancelled). */
  endedAt: string | null;
  /** Resident-visits served (服务居民人次), reported when it ends. */
  residentVisits: number;
  /** Volunteers checked in now. */
  checkedIn: number;
  /** Distinct volunteers who ever checked in. */
  participants: number;
  createdAt: string;
  /** Who created it. */
  actor: string;
  /** Who ended or cancelled it, and their note. */
  closedBy: string | null;
  note: string;
}

/**
 * One volunteer's attendance at an activity: a check-in and, later, its check-out. Counted in
 * the activity's grid. Service time and points are fixed at check-out (pointsRules.ts).
 */
export interface Participation {
  /** The check-in client's id. */
  id: string;
  seq: number;
  updatedSeq: number;
  activityId: string;
  volunteerId: string;
  gridId: string;
  lon: number | null;
  lat: number | null;
  checkInAt: string;
  checkOutAt: string | null;
  /** Service time credited at check-out, ms (capped per session). 0 while checked in. */
  creditedMs: number;
  /** Points (积分) earned at check-out. */
  points: number;
  actor: string;
}

/** A volunteer with the service recorded for them. */
export interface VolunteerRecord {
  volunteer: Volunteer;
  /** Attendances checked out. */
  sessions: number;
  serviceMs: number;
  points: number;
  /** The attendance they are checked in to now, if any. */
  current: Participation | null;
}
