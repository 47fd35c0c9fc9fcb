import type { EventStore } from '../store/eventStore';
import type { CountingGeography, RegionAggregates } from './regionAggregates';

/**
 * Recounts every region from the store for `geo`; returns events visited, the seq the counts
 * reflect, and the time taken (ms).
 */
export async function rebuildCounters(
  store: EventStore,
  aggregates: RegionAggregates,
  geo: CountingGeography,
): Promise<{ events: number; seq: number; ms: number }> {
  const t0 = performance.now();
  aggregates.reset(geo);
  const { count, seq } = await store.forEachCountable((place, e) => aggregates.apply(place, null, e));
  return { events: count, seq, ms: Math.round(performance.now() - t0) };
}
