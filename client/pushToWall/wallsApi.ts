import { z } from 'zod';
import { ApiPath } from '../../shared/protocol/socketProtocol';
import type { ApiClient, ApiResult } from '../auth/apiClient';

import { wallFollowSchema as followSchema } from '../../shared/protocol/wallSchemas';

/** A wall screen a leader may drive, as GET /api/walls lists it. */
export const wallInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  scopeRegionId: z.string().nullable(),
  /** Open pages of the screen (a wall may be several browsers). */
  connections: z.number(),
  /** Display name of whoever drives it now, if anyone. */
  drivenBy: z.string().nullable(),
  follow: followSchema.nullable(),
});
export type WallInfo = z.output<typeof wallInfoSchema>;

/** The server answers `{ walls: [...] }`; a bare list is taken too. */
const wallListSchema = z.union([z.object({ walls: z.array(wallInfoSchema) }).transform((x) => x.walls), z.array(wallInfoSchema)]);

/** Connected wall screens the signed-in leader may drive (GET /api/walls). */
export function listWalls(api: ApiClient): Promise<ApiResult<WallInfo[]>> {
  return api(ApiPath.walls, { schema: wallListSchema });
}
