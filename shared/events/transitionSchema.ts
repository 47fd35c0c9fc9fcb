import { z } from 'zod';
import { ACTION_CODES } from './eventLifecycle';
import { STATUSES } from './status';
import { userText } from '../text/userText';

/** Body of POST /api/events/:id/transitions: one move of the closed loop. */
export const transitionSchema = z
  .object({
    action: z.enum(ACTION_CODES),
    /** Who does it; until log-in exists (issue 7) the caller names itself. */
    actor: userText(64).pipe(z.string().trim().min(1)),
    note: userText(2000).default(''),
    /** The department or unit, required to dispatch. */
    unit: userText(100).pipe(z.string().trim().min(1)).optional(),
    /** The status the caller saw; a different current status answers 409 instead of overwriting. */
    expectedStatus: z.enum(STATUSES).optional(),
  })
  .strict()
  .refine((t) => t.action !== 'dispatch' || t.unit !== undefined, { path: ['unit'], message: 'required to dispatch' });

export type TransitionRequest = z.input<typeof transitionSchema>;
