import { Router } from 'express';
import { alertActionSchema, alertQuerySchema } from '../../shared/alerts/alertActionSchema';
import { badRequest } from './badRequest';
import type { AlertService } from '../alerts/alertService';
import type { AlertStore } from '../alerts/alertStore';
import type { GeoContext } from '../geo/geoContext';

/** /api/alerts: the duty officers' queue (GET) and what they do with an alert (POST :id/actions). */
export function alertsRouter(deps: { alerts: AlertService; store: AlertStore; geo: GeoContext }): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    const parsed = alertQuerySchema.safeParse(req.query);
    if (!parsed.success) return badRequest(res, parsed.error);
    const q = parsed.data;
    const h = deps.geo.current.hierarchy;
    let regionIds: string[] | null = null;
    if (q.regionId !== undefined && q.regionId !== h.root.id) {
      if (!h.get(q.regionId)) return res.status(422).json({ error: 'unknown_place', message: `regionId: unknown region ${q.regionId}` });
      // Alerts sit on a grid (events) or on a street/community (spikes): the region and all below it.
      const below: string[] = [];
      const walk = (id: string) => (below.push(id), h.children(id).forEach((c) => walk(c.id)));
      walk(q.regionId);
      regionIds = below;
    }
    const alerts = await deps.store.list({ states: q.state, regionIds, beforeSeq: q.cursor ? Number(q.cursor) : undefined, limit: q.limit });
    res.json({ alerts, nextCursor: alerts.length === q.limit ? String(alerts[alerts.length - 1].seq) : null });
  });

  r.post('/:id/actions', async (req, res) => {
    const parsed = alertActionSchema.safeParse(req.body);
    if (!parsed.success) return badRequest(res, parsed.error);
    const actor = res.locals.actor ?? parsed.data.actor;
    if (!actor) return res.status(400).json({ error: 'invalid_request', message: 'actor: required' });
    const out = await deps.alerts.act(req.params.id, parsed.data.action, actor, parsed.data.expectedState);
    if (out.type === 'not_found') return res.status(404).json({ error: 'not_found', message: `no alert ${req.params.id}` });
    if (out.type === 'refused') return res.status(409).json({ error: out.reason === 'stale' ? 'changed_meanwhile' : 'action_not_allowed', message: out.message, alert: out.alert });
    res.json({ alert: out.alert });
  });
  return r;
}
