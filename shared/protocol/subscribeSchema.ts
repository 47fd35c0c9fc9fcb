import { z } from 'zod';

/** Payload of SocketEvent.subscribe, validated on the server (typed events are no validation). */
export const subscribeSchema = z
  .object({
    regionId: z.string().regex(/^\d{6,15}$/, 'a region id (6–15 digits)'),
  })
  .strict();
