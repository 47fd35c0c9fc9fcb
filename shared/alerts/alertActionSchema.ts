import { z } from 'zod';
import { ALERT_ACTION_CODES } from './alertLifecycle';
import { ALERT_STATES } from './alert';
import { userText } from '../text/userText';

/** Body of POST /api/alerts/:id/actions. */
export const alertActionSchema = z
  .object({
    action: z.enum(ALERT_ACTION_CODES),
    /** Ignored: the server records the signed-in person. */
    actor: userText(64).optional(),
    /** The state the officer saw; a different one answers 409 rather than overwriting. */
    expectedState: z.enum(ALERT_STATES).optional(),
  })
  .strict();

/** Query of GET /api/alerts. */
export const alertQuerySchema = z
  .object({
    state: z
      .string()
      .transform((s) => s.split(',').filter(Boolean))
      .pipe(z.array(z.enum(ALERT_STATES)).min(1))
      .optional(),
    regionId: z.string().regex(/^\d{6,15}$/).optional(),
    cursor: z.string().regex(/^\d{1,15}$/).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
