import { z } from 'zod';
import { userText } from '../text/userText';
import { clientIdField, clientTimeField, hasPlace, placeFields, placeMissing } from '../volunteers/placeInput';
import { listOf, pageFields } from '../volunteers/volunteerSchemas';
import { SERVICE_CATEGORY_CODES } from './serviceCategories';
import { ORDER_STAGES } from './orderStages';

const name = (max: number) => userText(max).pipe(z.string().trim().min(1));

/** Body of POST /api/service-orders: a resident's order (居民点单) from the service card. */
export const orderCreateSchema = z
  .object({
    clientId: clientIdField,
    category: z.enum(SERVICE_CATEGORY_CODES),
    ...placeFields,
    description: userText(2000).default(''),
    /** When the resident ordered; now when left out. A time ahead of the server's clock counts as now. */
    requestedAt: clientTimeField,
    actor: name(64).default('api'),
  })
  .strict()
  .refine(hasPlace, placeMissing);
export type OrderCreate = z.input<typeof orderCreateSchema>;

/** Body of POST /api/service-orders/:id/stages: move the order to `stage`. */
export const stageChangeSchema = z
  .object({
    stage: z.enum(ORDER_STAGES),
    actor: name(64),
    /** The partner unit (共建单位): required to dispatch. */
    partnerUnit: name(100).optional(),
    /** The resident's rating, 1–5: required to rate. */
    rating: z.number().int().min(1).max(5).optional(),
    comment: userText(500).default(''),
    /** The stage the caller saw; a different current stage answers 409 instead of overwriting. */
    expectedStage: z.enum(ORDER_STAGES).optional(),
    at: clientTimeField,
  })
  .strict()
  .refine((s) => s.stage !== 'dispatched' || s.partnerUnit !== undefined, { path: ['partnerUnit'], message: 'required to dispatch' })
  .refine((s) => s.stage !== 'rated' || s.rating !== undefined, { path: ['rating'], message: 'required to rate' })
  .refine((s) => s.stage === 'rated' || s.rating === undefined, { path: ['rating'], message: 'only when rating' });
export type StageChangeRequest = z.input<typeof stageChangeSchema>;

/** Query of GET /api/service-orders. */
export const orderQuerySchema = z
  .object({
    regionId: z.string().regex(/^\d{6,15}$/).optional(),
    stage: z.union([z.literal('open'), listOf(ORDER_STAGES)]).optional(),
    category: listOf(SERVICE_CATEGORY_CODES).optional(),
    ...pageFields,
  })
  .strict();
