import { orderCreateSchema, stageChangeSchema } from '../../../shared/serviceCards/serviceOrderSchemas';
import type { GeoContext } from '../../geo/geoContext';
import type { ActivityWriter } from '../activityWriter';
import { fromOutcome, zodIssues, type ApiResult } from '../http/apiResult';
import { clientTime, placeInGrid } from '../http/placeAndTime';

/**
 * The one write path of the service-card stream (HTTP API, and through it the simulator):
 * validate → place the resident's grid → stamp times → durable write → what to answer.
 */
export class OrderIngestion {
  constructor(private readonly deps: { writer: ActivityWriter; geo: GeoContext; now: () => number }) {}

  async create(body: unknown): Promise<ApiResult> {
    const parsed = orderCreateSchema.safeParse(body);
    if (!parsed.success) return { kind: 'invalid', issues: zodIssues(parsed.error) };
    const p = parsed.data;
    const at = clientTime(p.requestedAt, this.deps.now(), 'requestedAt');
    if ('issue' in at) return { kind: 'invalid', issues: [at.issue] };
    const place = placeInGrid(this.deps.geo, p);
    if ('issue' in place) return { kind: 'unprocessable', error: 'unknown_place', issues: [place.issue] };
    const o = await this.deps.writer.submit({
      type: 'createOrder',
      id: p.clientId,
      category: p.category,
      ...place,
      description: p.description,
      requestedAtMs: at.ms,
      actor: p.actor,
    });
    return fromOutcome(o, null);
  }

  async stage(orderId: string, body: unknown): Promise<ApiResult> {
    const parsed = stageChangeSchema.safeParse(body);
    if (!parsed.success) return { kind: 'invalid', issues: zodIssues(parsed.error) };
    const s = parsed.data;
    const at = clientTime(s.at, this.deps.now(), 'at');
    if ('issue' in at) return { kind: 'invalid', issues: [at.issue] };
    const o = await this.deps.writer.submit({
      type: 'orderStage',
      orderId,
      stage: s.stage,
      actor: s.actor,
      partnerUnit: s.partnerUnit ?? null,
      rating: s.rating ?? null,
      comment: s.comment,
      atMs: at.ms,
      expectedStage: s.expectedStage,
    });
    return fromOutcome(o, 'order');
  }
}
