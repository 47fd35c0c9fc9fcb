import type { PointsRules } from '../../../shared/volunteers/pointsRules';
import {
  activityCreateSchema,
  activityTransitionSchema,
  checkInSchema,
  checkOutSchema,
  teamRegisterSchema,
  volunteerRegisterSchema,
} from '../../../shared/volunteers/volunteerSchemas';
import type { GeoContext } from '../../geo/geoContext';
import type { ActivityWriter } from '../activityWriter';
import { fromOutcome, zodIssues, type ApiResult } from '../http/apiResult';
import { clientTime, placeInGrid } from '../http/placeAndTime';

export interface VolunteerIngestionDeps {
  writer: ActivityWriter;
  geo: GeoContext;
  now: () => number;
  rules: PointsRules;
}

/**
 * The one write path of the volunteer stream, used by the HTTP API and (through it) the
 * simulator: validate → place in a grid → stamp times → durable write → what to answer.
 */
export class VolunteerIngestion {
  constructor(private readonly deps: VolunteerIngestionDeps) {}

  async registerTeam(body: unknown): Promise<ApiResult> {
    const parsed = teamRegisterSchema.safeParse(body);
    if (!parsed.success) return { kind: 'invalid', issues: zodIssues(parsed.error) };
    const t = parsed.data;
    const region = this.deps.geo.current.hierarchy.get(t.regionId);
    if (!region || (region.level !== 'community' && region.level !== 'grid'))
      return {
        kind: 'unprocessable',
        error: 'unknown_place',
        issues: [{ field: 'regionId', message: region ? `${t.regionId} is a ${region.level}; a team belongs to a community or a grid` : `unknown region ${t.regionId}` }],
      };
    const o = await this.deps.writer.submit({ type: 'registerTeam', id: t.clientId, name: t.name, regionId: t.regionId, atMs: this.deps.now() });
    return fromOutcome(o, null);
  }

  async registerVolunteer(body: unknown): Promise<ApiResult> {
    const parsed = volunteerRegisterSchema.safeParse(body);
    if (!parsed.success) return { kind: 'invalid', issues: zodIssues(parsed.error) };
    const v = parsed.data;
    const o = await this.deps.writer.submit({ type: 'registerVolunteer', id: v.clientId, teamId: v.teamId, name: v.name, atMs: this.deps.now() });
    return fromOutcome(o, null, { team: 'teamId' });
  }

  async createActivity(body: unknown): Promise<ApiResult> {
    const parsed = activityCreateSchema.safeParse(body);
    if (!parsed.success) return { kind: 'invalid', issues: zodIssues(parsed.error) };
    const a = parsed.data;
    const place = placeInGrid(this.deps.geo, a);
    if ('issue' in place) return { kind: 'unprocessable', error: 'unknown_place', issues: [place.issue] };
    const o = await this.deps.writer.submit({
      type: 'createActivity',
      id: a.clientId,
      teamId: a.teamId,
      activityType: a.type,
      title: a.title,
      description: a.description,
      ...place,
      plannedStartMs: Date.parse(a.startAt),
      plannedEndMs: Date.parse(a.endAt),
      atMs: this.deps.now(),
      actor: a.actor,
    });
    return fromOutcome(o, null, { team: 'teamId' });
  }

  async checkIn(activityId: string, body: unknown): Promise<ApiResult> {
    const parsed = checkInSchema.safeParse(body);
    if (!parsed.success) return { kind: 'invalid', issues: zodIssues(parsed.error) };
    const c = parsed.data;
    const at = clientTime(c.at, this.deps.now(), 'at');
    if ('issue' in at) return { kind: 'invalid', issues: [at.issue] };
    const o = await this.deps.writer.submit({ type: 'checkIn', id: c.clientId, activityId, volunteerId: c.volunteerId, atMs: at.ms, actor: c.actor });
    return fromOutcome(o, 'activity', { volunteer: 'volunteerId' });
  }

  async checkOut(activityId: string, body: unknown): Promise<ApiResult> {
    const parsed = checkOutSchema.safeParse(body);
    if (!parsed.success) return { kind: 'invalid', issues: zodIssues(parsed.error) };
    const c = parsed.data;
    const at = clientTime(c.at, this.deps.now(), 'at');
    if ('issue' in at) return { kind: 'invalid', issues: [at.issue] };
    const o = await this.deps.writer.submit({ type: 'checkOut', activityId, volunteerId: c.volunteerId, atMs: at.ms, actor: c.actor, rules: this.deps.rules });
    return fromOutcome(o, 'activity', { volunteer: 'volunteerId' });
  }

  async transition(activityId: string, body: unknown): Promise<ApiResult> {
    const parsed = activityTransitionSchema.safeParse(body);
    if (!parsed.success) return { kind: 'invalid', issues: zodIssues(parsed.error) };
    const t = parsed.data;
    const at = clientTime(t.at, this.deps.now(), 'at');
    if ('issue' in at) return { kind: 'invalid', issues: [at.issue] };
    const o = await this.deps.writer.submit({
      type: 'activityAction',
      activityId,
      action: t.action,
      actor: t.actor,
      note: t.note,
      residentVisits: t.residentVisits,
      atMs: at.ms,
      expectedStatus: t.expectedStatus,
      rules: this.deps.rules,
    });
    return fromOutcome(o, 'activity');
  }
}
