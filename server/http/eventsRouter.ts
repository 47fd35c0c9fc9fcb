import { Router } from 'express';
import { eventQuerySchema } from '../../shared/events/eventQuerySchema';
import { eventBatchSchema } from '../../shared/events/eventIngestSchema';
import { eventSla } from '../../shared/events/eventSla';
import type { GridEvent } from '../../shared/events/gridEvent';
import { STATUSES, isFinal } from '../../shared/events/status';
import { descendantGrids } from '../../shared/geo/descendantGrids';
import { maskEvent } from '../../shared/privacy/maskPersonal';
import type { EventIngestion } from '../events/ingestEvents';
import { badRequest } from './badRequest';
import { applyTransition } from '../events/eventTransitions';
import { urgeTooSoon } from '../../shared/events/eventLifecycle';
import type { EventWriter } from '../events/eventWriter';
import type { EventStore } from '../store/eventStore';
import type { GeoContext } from '../geo/geoContext';
import type { AuditTrail } from '../audit/auditTrail';
import { requirePermission } from '../auth/httpAuth';
import { allows, covers, outOfScope, who } from '../auth/access';

export interface EventsRouterDeps {
  ingestion: EventIngestion;
  writer: EventWriter;
  store: EventStore;
  geo: GeoContext;
  audit: AuditTrail;
  now: () => number;
  warnAt: number;
  /** Shortest time between two 催办 of one event, ms (config/time-limits.json urgeMinMinutes). */
  urgeMinIntervalMs: number;
}

const encodeCursor = (seq: number) => Buffer.from(`s${seq}`).toString('base64url');
function decodeCursor(c: string): number | null {
  const m = /^s(\d{1,15})$/.exec(Buffer.from(c, 'base64url').toString());
  return m ? Number(m[1]) : null;
}

/**
 * /api/events: report (POST), list with filters (GET), one event with its history (GET /:id),
 * move it along the closed loop (POST /:id/transitions). Each checks the caller's role and
 * scope; reporters' names and phones are masked for roles that do not need them.
 */
export function eventsRouter(deps: EventsRouterDeps): Router {
  const r = Router();
  const view = (e: GridEvent, personal: boolean) => ({ ...(personal ? e : maskEvent(e)), sla: eventSla(e, deps.now(), deps.warnAt) });
  const notFound = (id: string) => ({ error: 'not_found', message: `no event ${id}` });

  r.post('/', requirePermission('events.report'), async (req, res) => {
    const p = who(res);
    const result = await deps.ingestion.ingest(req.body, `${p.name} (${p.id})`, p.scopeRegionId);
    const personal = allows(res, 'personal.read');
    switch (result.kind) {
      case 'created':
        return res.status(201).location(`/api/events/${encodeURIComponent(result.event.id)}`).json({ event: view(result.event, personal) });
      case 'duplicate':
        return res.status(200).json({ event: view(result.event, personal), duplicate: true });
      case 'invalid':
        return badRequest(res, result.issues, 'invalid_event');
      case 'unplaceable':
        return res.status(422).json({ error: 'unknown_place', message: `${result.field}: ${result.message}`, issues: [{ field: result.field, message: result.message }] });
      case 'out_of_scope':
        return res.status(403).json({ error: 'out_of_scope', message: result.message });
    }
  });

  // Several reports in one request: nothing is stored unless every one can be; 201 once all are durable.
  r.post('/batch', requirePermission('events.report'), async (req, res) => {
    const shape = eventBatchSchema.safeParse(req.body);
    if (!shape.success) return badRequest(res, shape.error);
    const p = who(res);
    const result = await deps.ingestion.ingestBatch(shape.data.events, `${p.name} (${p.id})`, p.scopeRegionId);
    if (result.kind === 'refused') {
      const kinds = new Set(result.problems.map((x) => x.kind));
      const status = kinds.has('invalid') ? 400 : kinds.has('unplaceable') ? 422 : 403;
      const problems = result.problems.map(({ index, ...x }) =>
        x.kind === 'invalid'
          ? { index, error: 'invalid_event', issues: x.issues }
          : x.kind === 'unplaceable'
            ? { index, error: 'unknown_place', issues: [{ field: x.field, message: x.message }] }
            : { index, error: 'out_of_scope', message: x.message },
      );
      const first = result.problems[0];
      const message = `${result.problems.length} of ${shape.data.events.length} events refused, nothing stored; first: events[${first.index}] ${first.kind === 'invalid' ? first.issues.map((i) => `${i.field}: ${i.message}`).join('; ') : first.message}`;
      return res.status(status).json({ error: 'batch_refused', message, problems });
    }
    const personal = allows(res, 'personal.read');
    const created = result.results.some((x) => x.kind === 'created');
    res.status(created ? 201 : 200).json({ results: result.results.map((x) => ({ event: view(x.event, personal), duplicate: x.kind === 'duplicate' })) });
  });

  r.get('/', requirePermission('events.read'), async (req, res) => {
    const parsed = eventQuerySchema.safeParse(req.query);
    if (!parsed.success) return badRequest(res, parsed.error);
    const q = parsed.data;
    const h = deps.geo.current.hierarchy;
    // Without a region, a scoped caller lists its own region.
    const regionId = q.regionId ?? who(res).scopeRegionId ?? h.root.id;
    if (!h.get(regionId)) return res.status(422).json({ error: 'unknown_place', message: `regionId: unknown region ${regionId}` });
    if (!covers(res, h, regionId)) return outOfScope(res, regionId);
    const gridIds = regionId === h.root.id ? null : descendantGrids(h, regionId);
    const beforeSeq = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
    if (beforeSeq === null) return badRequest(res, [{ field: 'cursor', message: 'not a cursor this server gave out' }]);
    const statuses =
      q.status === 'open' ? STATUSES.filter((s) => !isFinal(s)) : q.status === 'final' ? STATUSES.filter(isFinal) : q.status;
    const events = await deps.store.queryEvents({
      gridIds,
      statuses,
      categories: q.category,
      severities: q.severity,
      overdue: q.overdue,
      fromMs: q.from ? Date.parse(q.from) : undefined,
      toMs: q.to ? Date.parse(q.to) : undefined,
      beforeSeq,
      limit: q.limit,
    });
    const nextCursor = events.length === q.limit ? encodeCursor(events[events.length - 1].seq) : null;
    const personal = allows(res, 'personal.read');
    res.json({ events: events.map((e) => view(e, personal)), nextCursor });
  });

  /** The event, or null when it does not exist or lies outside the caller's scope (the same 404). */
  const visible = async (res: Parameters<typeof covers>[0], id: string) => {
    const e = await deps.store.getEvent(id);
    return e && covers(res, deps.geo.current.hierarchy, e.gridId) ? e : null;
  };

  r.get('/:id', requirePermission('events.read'), async (req, res) => {
    const event = await visible(res, req.params.id as string);
    if (!event) return res.status(404).json(notFound(req.params.id as string));
    res.json({ event: view(event, allows(res, 'personal.read')), history: await deps.store.history(event.id) });
  });

  r.post('/:id/transitions', requirePermission('events.act'), async (req, res) => {
    const id = req.params.id as string;
    if (!(await visible(res, id))) return res.status(404).json(notFound(id));
    const p = who(res);
    if ((req.body as { action?: unknown } | undefined)?.action === 'urge') {
      const soon = urgeTooSoon(await deps.store.history(id), deps.now(), deps.urgeMinIntervalMs);
      if (soon)
        return res.status(409).json({
          error: 'urge_too_soon',
          message: `urged by ${soon.lastBy} at ${soon.lastAt}; the next 催办 is allowed from ${new Date(soon.nextAtMs).toISOString()}`,
          nextAt: new Date(soon.nextAtMs).toISOString(),
          minIntervalMinutes: deps.urgeMinIntervalMs / 60_000,
        });
    }
    const result = await applyTransition(deps.writer, deps.now, id, req.body, p.name);
    const personal = allows(res, 'personal.read');
    switch (result.kind) {
      case 'done':
        await deps.audit.record(p, 'event.transition', id, { action: result.transition.action, from: result.transition.fromStatus, to: result.transition.toStatus, unit: result.transition.unit, note: result.transition.note }, req.ip ?? '');
        return res.status(200).json({ event: view(result.event, personal), transition: result.transition });
      case 'invalid':
        return badRequest(res, result.issues, 'invalid_transition');
      case 'not_found':
        return res.status(404).json(notFound(id));
      case 'conflict':
        return res.status(409).json({
          error: result.reason === 'stale' ? 'changed_meanwhile' : 'transition_not_allowed',
          message: result.message,
          status: result.event.status,
          allowed: result.allowed,
          event: view(result.event, personal),
        });
    }
  });
  return r;
}
