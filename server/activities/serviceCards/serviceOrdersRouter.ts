import { Router } from 'express';
import { orderQuerySchema } from '../../../shared/serviceCards/serviceOrderSchemas';
import { ServiceCardApiPath } from '../../../shared/serviceCards/serviceCardApi';
import { ORDER_STAGES, isOrderOpen } from '../../../shared/serviceCards/orderStages';
import { descendantGrids } from '../../../shared/geo/descendantGrids';
import type { GeoContext } from '../../geo/geoContext';
import type { ActivityStore } from '../store/activityStore';
import { badRequest, decodeCursor, encodeCursor, idOf, sendResult, zodIssues } from '../http/apiResult';
import type { Authorize } from '../http/authorize';
import type { OrderIngestion } from './orderIngestion';

/**
 * /api/service-orders: place an order (POST), list with filters (GET), one order with its stage
 * history (GET /:id), move it to a stage (POST /:id/stages; 409 naming the allowed stages).
 */
export function serviceOrdersRouter(deps: { ingestion: OrderIngestion; store: ActivityStore; geo: GeoContext; authorize: Authorize }): Router {
  const { ingestion, store, geo, authorize } = deps;
  const r = Router();

  r.post('/', authorize('report'), async (req, res) => {
    sendResult(res, await ingestion.create(req.body), (e) => `${ServiceCardApiPath.orders}/${encodeURIComponent(e.value.id)}`);
  });

  r.get('/', authorize('read'), async (req, res) => {
    const parsed = orderQuerySchema.safeParse(req.query);
    if (!parsed.success) return badRequest(res, zodIssues(parsed.error));
    const q = parsed.data;
    const h = geo.current.hierarchy;
    let placeIds: string[] | null = null;
    if (q.regionId !== undefined && q.regionId !== h.root.id) {
      if (!h.get(q.regionId)) return res.status(422).json({ error: 'unknown_place', message: `regionId: unknown region ${q.regionId}` });
      placeIds = descendantGrids(h, q.regionId);
    }
    const beforeSeq = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
    if (beforeSeq === null) return badRequest(res, [{ field: 'cursor', message: 'not a cursor this server gave out' }]);
    const stages = q.stage === 'open' ? ORDER_STAGES.filter(isOrderOpen) : q.stage;
    const orders = await store.listOrders({ placeIds, beforeSeq, limit: q.limit, stages, categories: q.category });
    res.json({ orders, nextCursor: orders.length === q.limit ? encodeCursor(orders[orders.length - 1].seq) : null });
  });

  r.get('/:id', authorize('read'), async (req, res) => {
    const order = await store.getOrder(idOf(req));
    if (!order) return res.status(404).json({ error: 'not_found', message: `no order ${idOf(req)}` });
    res.json({ order, history: await store.orderHistory(order.id) });
  });

  r.post('/:id/stages', authorize('act'), async (req, res) => {
    sendResult(res, await ingestion.stage(idOf(req), req.body));
  });
  return r;
}
