/**
 * A service-card order's stages: "居民点单 → 社区下单 → 共建单位接单" (Tianjiao street), then
 * the service is done and the resident rates it. The community dispatches (下单) an order to a
 * partner unit (共建单位); the unit accepts it (接单) or declines it (back to 点单, for the
 * community to dispatch elsewhere); an order not yet accepted may be cancelled.
 */
export const ORDER_STAGES = ['requested', 'dispatched', 'accepted', 'done', 'rated', 'cancelled'] as const;
export type OrderStage = (typeof ORDER_STAGES)[number];

export const ORDER_STAGE_LABELS: Record<OrderStage, { zh: string; en: string }> = {
  requested: { zh: '居民点单', en: 'Requested' },
  dispatched: { zh: '社区下单', en: 'Dispatched' },
  accepted: { zh: '单位接单', en: 'Accepted' },
  done: { zh: '服务完成', en: 'Done' },
  rated: { zh: '已评价', en: 'Rated' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** The funnel's stages, in order: how far an order got (cancelled is not a step of it). */
export const FUNNEL_STAGES = ['requested', 'dispatched', 'accepted', 'done', 'rated'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** Where an order may go from each stage, in the lifecycle's order. */
const NEXT: Record<OrderStage, readonly OrderStage[]> = {
  requested: ['dispatched', 'cancelled'],
  dispatched: ['accepted', 'requested', 'cancelled'],
  accepted: ['done'],
  done: ['rated'],
  rated: [],
  cancelled: [],
};

/** Stages an order in `stage` may move to. */
export function allowedNextStages(stage: OrderStage): OrderStage[] {
  return [...NEXT[stage]];
}

export function canMoveOrder(from: OrderStage, to: OrderStage): boolean {
  return NEXT[from].includes(to);
}

export function isOrderFinal(stage: OrderStage): boolean {
  return NEXT[stage].length === 0;
}

/** Open: not yet done (or cancelled) — what a community still has to see to. */
export function isOrderOpen(stage: OrderStage): boolean {
  return stage === 'requested' || stage === 'dispatched' || stage === 'accepted';
}
