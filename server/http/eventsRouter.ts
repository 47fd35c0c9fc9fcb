import { Router } from 'express';
import { eventQuerySchema } from '../../shared/events/eventQuerySchema';
import { eventSla } from '../../shared/events/eventSla';
import type { GridEvent } from '../../shared/events/gridEvent';
import { STATUSES, isFinal } from '../../shared/events/status';
import { descendantGrids } from '../../shared/geo/descendantGrids';
import type { EventIngestion } from '../events/ingestEvents';
import { badRequest } from './badRequest';
import { applyTransition } from '../events/eventTransitions';
import type { EventWriter } from '../events/eventWriter';
import type { EventStore } from '../store/eventStore';
import type { GeoContext } from '../geo/geoContext';

export interface EventsRouterDeps {
  ingestion: EventIngestion;
  writer: EventWriter;
  store: EventStore;
  geo: GeoContext;
  now: () => number;
  warnAt: number;
}

const encodeCursor = (seq: number) => Buffer.from(`s${seq}`).toString('base64url');
function decodeCursor(c: string): number | null {
  const m = /^s(\d{1,15})$/.exec(Buffer.from(c, 'base64url').toString());
  return m ? Number(m[1]) : null;
}

/**
 * /api/events: report (POST), list with filters (GET), one event with its history (GET /:id),
 * move it along the closed loop (POST /:id/transitions).
 */
export function eventsRouter(deps: EventsRouterDeps): Router {
  const r = Router();
  const withSla = (e: GridEvent) => ({ ...e, sla: eventSla(e, deps.now(), deps.warnAt) });

  r.post('/', async (req, res) => {
    const result = await deps.ingestion.ingest(req.body, 'api');
    switch (result.kind) {
      case 'created':
        return res.status(201).location(`/api/events/${encodeURIComponent(result.event.id)}`).json({ event: withSla(result.event) });
      case 'duplicate':
        return res.status(200).json({ event: withSla(result.event), duplicate: true });
      case 'invalid':
        return badRequest(res, result.issues, 'invalid_event');
      case 'unplaceable':
        return res.status(422).json({ error: 'unknown_place', message: `${result.field}: ${result.message}`, issues: [{ field: result.field, message: result.message }] });
    }
  });

  r.get('/', async (req, res) => {
    const parsed = eventQuerySchema.safeParse(req.query);
    if (!parsed.success) return badRequest(res, parsed.error);
    const q = parsed.data;
    const h = deps.geo.current.hierarchy;
    let gridIds: string[] | null = null;
    if (q.regionId !== undefined && q.regionId !== h.root.id) {
      if (!h.get(q.regionId)) return res.status(422).json({ error: 'unknown_place', message: `regionId: unknown region ${q.regionId}` });
      gridIds = descendantGrids(h, q.regionId);
    }
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
    res.json({ events: events.map(withSla), nextCursor });
  });

  r.get('/:id', async (req, res) => {
    const event = await deps.store.getEvent(req.params.id);
    if (!event) return res.status(404).json({ error: 'not_found', message: `no event ${req.params.id}` });
    res.json({ event: withSla(event), history: await deps.store.history(event.id) });
  });

  r.post('/:id/transitions', async (req, res) => {
    const result = await applyTransition(deps.writer, deps.now, req.params.id, req.body);
    switch (result.kind) {
      case 'done':
        return res.status(200).json({ event: withSla(result.event), transition: result.transition });
      case 'invalid':
        return badRequest(res, result.issues, 'invalid_transition');
      case 'not_found':
        return res.status(404).json({ error: 'not_found', message: `no event ${req.params.id}` });
      case 'conflict':
        return res.status(409).json({
          error: result.reason === 'stale' ? 'changed_meanwhile' : 'transition_not_allowed',
          message: result.message,
          status: result.event.status,
          allowed: result.allowed,
          event: withSla(result.event),
        });
    }
  });
  return r;
}
