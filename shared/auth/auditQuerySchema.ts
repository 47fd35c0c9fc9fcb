import { z } from 'zod';

/** Query of GET /api/audit. */
export const auditQuerySchema = z
  .object({
    actor: z.string().max(64).optional(),
    action: z.string().max(64).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    cursor: z.string().regex(/^\d{1,15}$/).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
