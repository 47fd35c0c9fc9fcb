import { z } from 'zod';
import { ACTION_CODES } from './eventLifecycle';
import { STATUSES } from './status';
import { userText } from '../text/userText';

/** Body of POST /api/events/:id/transitions: one move of the closed loop. */
export const transitionSchema = z
  .object({
    action: z.enum(ACTION_CODES),
    /** Ignored: the server records the signed-in person. Accepted so older clients keep working. */
    actor: userText(64).optional(),
    note: userText(2000).default(''),
    /** The department or unit, required to dispatch. */
    unit: userText(100).pipe(z.string().trim().min(1)).optional(),
    /** The status the caller saw; a different current status answers 409 instead of overwriting. */
    expectedStatus: z.enum(STATUSES).optional(),
  })
  .strict()
  .refine((t) => t.action !== 'dispatch' || t.unit !== undefined, { path: ['unit'], message: 'required to dispatch' })
  .refine((t) => t.action !== 'note' || t.note.trim() !== '', { path: ['note'], message: 'required to add a note' });

export type TransitionRequest = z.input<typeof transitionSchema>;
