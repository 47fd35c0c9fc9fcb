import { ApiPath } from '../../shared/protocol/socketProtocol';
import type { GeographyCollection } from '../../shared/geo/region';
import { parseGeography } from './geographySchema';

/** Loads and validates the geography of every level from the server. */
export async function fetchGeography(fetchImpl: typeof fetch = fetch): Promise<GeographyCollection> {
  const res = await fetchImpl(ApiPath.geography, { headers: { accept: 'application/geo+json, application/json' } });
  if (!res.ok) throw new Error(`GET ${ApiPath.geography}: HTTP ${res.status}`);
  return parseGeography(await res.json());
}
