import { Router } from 'express';
import { activityQuerySchema, teamQuerySchema } from '../../../shared/volunteers/volunteerSchemas';
import { VolunteerApiPath } from '../../../shared/volunteers/volunteerApi';
import { descendantGrids } from '../../../shared/geo/descendantGrids';
import type { Hierarchy } from '../../../shared/geo/hierarchy';
import type { GeoContext } from '../../geo/geoContext';
import type { ActivityStore } from '../store/activityStore';
import { badRequest, decodeCursor, encodeCursor, idOf, sendResult, zodIssues } from '../http/apiResult';
import type { Authorize } from '../http/authorize';
import type { VolunteerIngestion } from './volunteerIngestion';

/** Every community and grid at or below `regionId` (where teams may be attached). */
function teamPlaces(h: Hierarchy, regionId: string): string[] {
  const out: string[] = [];
  const walk = (id: string) => {
    const r = h.get(id);
    if (!r) return;
    if (r.level === 'community' || r.level === 'grid') out.push(id);
    for (const c of h.children(id)) walk(c.id);
  };
  walk(regionId);
  return out;
}

/**
 * /api/volunteers: teams (POST/GET /teams), volunteers (POST /, GET /:id with their service
 * record), activities (POST/GET /activities, GET /activities/:id with attendances, POST
 * /activities/:id/check-ins, /check-outs, /transitions).
 */
export function volunteersRouter(deps: { ingestion: VolunteerIngestion; store: ActivityStore; geo: GeoContext; authorize: Authorize }): Router {
  const { ingestion, store, geo, authorize } = deps;
  const r = Router();
  const activityUrl = (id: string) => `${VolunteerApiPath.activities}/${encodeURIComponent(id)}`;

  /** Region filter and cursor of a list query, or the 4xx already sent. */
  const scope = (regionId: string | undefined, cursor: string | undefined, places: (h: Hierarchy, id: string) => string[]) => {
    const h = geo.current.hierarchy;
    let placeIds: string[] | null = null;
    if (regionId !== undefined && regionId !== h.root.id) {
      if (!h.get(regionId)) return { error: { status: 422, body: { error: 'unknown_place', message: `regionId: unknown region ${regionId}` } } };
      placeIds = places(h, regionId);
    }
    const beforeSeq = cursor === undefined ? undefined : decodeCursor(cursor);
    if (beforeSeq === null) return { error: { status: 400, body: { error: 'invalid_request', message: 'cursor: not a cursor this server gave out', issues: [{ field: 'cursor', message: 'not a cursor this server gave out' }] } } };
    return { placeIds, beforeSeq };
  };

  r.post('/teams', authorize('report'), async (req, res) => {
    sendResult(res, await ingestion.registerTeam(req.body));
  });

  r.get('/teams', authorize('read'), async (req, res) => {
    const parsed = teamQuerySchema.safeParse(req.query);
    if (!parsed.success) return badRequest(res, zodIssues(parsed.error));
    const q = parsed.data;
    const s = scope(q.regionId, q.cursor, teamPlaces);
    if ('error' in s) return res.status(s.error!.status).json(s.error!.body);
    const teams = await store.listTeams({ placeIds: s.placeIds, beforeSeq: s.beforeSeq, limit: q.limit });
    res.json({ teams, nextCursor: teams.length === q.limit ? encodeCursor(teams[teams.length - 1].seq) : null });
  });

  r.post('/activities', authorize('report'), async (req, res) => {
    sendResult(res, await ingestion.createActivity(req.body), (e) => activityUrl(e.value.id));
  });

  r.get('/activities', authorize('read'), async (req, res) => {
    const parsed = activityQuerySchema.safeParse(req.query);
    if (!parsed.success) return badRequest(res, zodIssues(parsed.error));
    const q = parsed.data;
    const s = scope(q.regionId, q.cursor, descendantGrids);
    if ('error' in s) return res.status(s.error!.status).json(s.error!.body);
    const activities = await store.listActivities({ placeIds: s.placeIds, beforeSeq: s.beforeSeq, limit: q.limit, statuses: q.status, types: q.type, teamId: q.teamId });
    res.json({ activities, nextCursor: activities.length === q.limit ? encodeCursor(activities[activities.length - 1].seq) : null });
  });

  r.get('/activities/:id', authorize('read'), async (req, res) => {
    const activity = await store.getActivity(idOf(req));
    if (!activity) return res.status(404).json({ error: 'not_found', message: `no activity ${idOf(req)}` });
    res.json({ activity, participations: await store.participationsOf(activity.id) });
  });

  r.post('/activities/:id/check-ins', authorize('report'), async (req, res) => {
    sendResult(res, await ingestion.checkIn(idOf(req), req.body));
  });

  r.post('/activities/:id/check-outs', authorize('report'), async (req, res) => {
    sendResult(res, await ingestion.checkOut(idOf(req), req.body));
  });

  r.post('/activities/:id/transitions', authorize('act'), async (req, res) => {
    sendResult(res, await ingestion.transition(idOf(req), req.body));
  });

  r.post('/', authorize('report'), async (req, res) => {
    sendResult(res, await ingestion.registerVolunteer(req.body), (e) => `${VolunteerApiPath.volunteers}/${encodeURIComponent(e.value.id)}`);
  });

  r.get('/:id', authorize('read'), async (req, res) => {
    const record = await store.volunteerRecord(idOf(req));
    if (!record) return res.status(404).json({ error: 'not_found', message: `no volunteer ${idOf(req)}` });
    res.json(record);
  });
  return r;
}
