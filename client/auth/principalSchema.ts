import { z } from 'zod';
import type { Principal } from '../../shared/auth/principal';
import { ROLES } from '../../shared/auth/roles';

/** A principal as /api/auth answers it; checked at runtime, typed as the shared Principal. */
export const principalSchema: z.ZodType<Principal> = z.object({
  kind: z.enum(['user', 'screen', 'client']),
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  scopeRegionId: z.string().nullable(),
});

/** Body of POST /api/auth/login (the token in it is not kept: the httpOnly cookie carries it). */
export const loginAnswerSchema = z.object({ principal: principalSchema, expiresAt: z.string() });
/** Body of GET /api/auth/me. */
export const meAnswerSchema = z.object({ principal: principalSchema });
