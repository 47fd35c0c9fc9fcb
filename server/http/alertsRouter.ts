import { Router } from 'express';
import { alertActionSchema, alertQuerySchema } from '../../shared/alerts/alertActionSchema';
import { badRequest } from './badRequest';
import type { AlertService } from '../alerts/alertService';
import type { AlertStore } from '../alerts/alertStore';
import type { GeoContext } from '../geo/geoContext';
import type { AuditTrail } from '../audit/auditTrail';
import { requirePermission } from '../auth/httpAuth';
import { covers, outOfScope, who } from '../auth/access';

/** /api/alerts: the duty officers' queue (GET) and what they do with an alert (POST :id/actions). */
export function alertsRouter(deps: { alerts: AlertService; store: AlertStore; geo: GeoContext; audit: AuditTrail }): Router {
  const r = Router();
  r.get('/', requirePermission('alerts.read'), async (req, res) => {
    const parsed = alertQuerySchema.safeParse(req.query);
    if (!parsed.success) return badRequest(res, parsed.error);
    const q = parsed.data;
    const h = deps.geo.current.hierarchy;
    const regionId = q.regionId ?? who(res).scopeRegionId ?? h.root.id;
    if (!h.get(regionId)) return res.status(422).json({ error: 'unknown_place', message: `regionId: unknown region ${regionId}` });
    if (!covers(res, h, regionId)) return outOfScope(res, regionId);
    let regionIds: string[] | null = null;
    if (regionId !== h.root.id) {
      // Alerts sit on a grid (events) or on a street/community (spikes): the region and all below it.
      const below: string[] = [];
      const walk = (id: string) => (below.push(id), h.children(id).forEach((c) => walk(c.id)));
      walk(regionId);
      regionIds = below;
    }
    const alerts = await deps.store.list({ states: q.state, regionIds, beforeSeq: q.cursor ? Number(q.cursor) : undefined, limit: q.limit });
    res.json({ alerts, nextCursor: alerts.length === q.limit ? String(alerts[alerts.length - 1].seq) : null });
  });

  r.post('/:id/actions', requirePermission('alerts.act'), async (req, res) => {
    const parsed = alertActionSchema.safeParse(req.body);
    if (!parsed.success) return badRequest(res, parsed.error);
    const id = req.params.id as string;
    const held = await deps.store.get(id);
    if (!held || !covers(res, deps.geo.current.hierarchy, held.regionId)) return res.status(404).json({ error: 'not_found', message: `no alert ${id}` });
    const p = who(res);
    const out = await deps.alerts.act(id, parsed.data.action, p.name, parsed.data.expectedState);
    if (out.type === 'not_found') return res.status(404).json({ error: 'not_found', message: `no alert ${id}` });
    if (out.type === 'changed') await deps.audit.record(p, `alert.${parsed.data.action}`, id, { state: out.alert.state }, req.ip ?? '');
    if (out.type === 'refused') return res.status(409).json({ error: out.reason === 'stale' ? 'changed_meanwhile' : 'action_not_allowed', message: out.message, alert: out.alert });
    res.json({ alert: out.alert });
  });
  return r;
}
