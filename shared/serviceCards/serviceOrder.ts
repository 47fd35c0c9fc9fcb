import type { ServiceCategory } from './serviceCategories';
import type { OrderStage } from './orderStages';

/**
 * A service-card order as stored and as the API returns it. Times are ISO-8601 (UTC); each
 * stage's time stamp is set when the order reaches it (a declined dispatch clears
 * dispatchedAt and the partner unit).
 */
export interface ServiceOrder {
  /** The ordering client's id; unique, so a retried order does not duplicate. */
  id: string;
  seq: number;
  updatedSeq: number;
  category: ServiceCategory;
  /** The resident's grid. */
  gridId: string;
  lon: number | null;
  lat: number | null;
  /** What the resident asked for (free text, stored as given). */
  description: string;
  stage: OrderStage;
  requestedAt: string;
  dispatchedAt: string | null;
  acceptedAt: string | null;
  doneAt: string | null;
  ratedAt: string | null;
  cancelledAt: string | null;
  /** The partner unit (共建单位) it is dispatched to. */
  partnerUnit: string | null;
  /** The resident's rating, 1–5, once rated. */
  rating: number | null;
  ratingComment: string;
  /** Who placed it. */
  actor: string;
}

/** One stage change of an order's history. */
export interface OrderStageChange {
  seq: number;
  orderId: string;
  fromStage: OrderStage | null;
  toStage: OrderStage;
  actor: string;
  partnerUnit: string | null;
  rating: number | null;
  comment: string;
  at: string;
}
