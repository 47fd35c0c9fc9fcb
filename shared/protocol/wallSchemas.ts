import { z } from 'zod';
import { HEAT_METRICS } from './subscribeSchema';

const screens = z.array(z.string().min(1).max(64)).min(1).max(50);

/** A leader sends a view to wall screens (by screen id; ['*'] = every wall in the leader's scope). */
export const wallPushSchema = z
  .object({
    regionId: z.string().regex(/^\d{6,15}$/, 'a region id (6–15 digits)'),
    metric: z.enum(HEAT_METRICS).default('open'),
    screens,
  })
  .strict();

/** What a driven wall follows (WallFollow), as read back from elsewhere (the API, a shared store). */
export const wallFollowSchema = z.object({ regionId: z.string(), metric: z.enum(HEAT_METRICS), by: z.string(), since: z.string() });

/** …and lets them go back to their own view (and tour). */
export const wallReleaseSchema = z.object({ screens }).strict();
