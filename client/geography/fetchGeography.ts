import { ApiPath } from '../../shared/protocol/socketProtocol';
import type { GeographyCollection } from '../../shared/geo/region';
import { geographySchema } from '../../shared/geo/geographySchema';

/** The server answered with an error status (401: this screen is not signed in). */
export class GeographyHttpError extends Error {
  constructor(readonly status: number) {
    super(`GET ${ApiPath.geography}: HTTP ${status}`);
  }
}

/** Loads and validates the geography of every level from the server. */
export async function fetchGeography(fetchImpl: typeof fetch = fetch): Promise<GeographyCollection> {
  const res = await fetchImpl(ApiPath.geography, { headers: { accept: 'application/geo+json, application/json' } });
  if (!res.ok) throw new GeographyHttpError(res.status);
  const parsed = geographySchema.safeParse(await res.json());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${ApiPath.geography}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data as GeographyCollection;
}
