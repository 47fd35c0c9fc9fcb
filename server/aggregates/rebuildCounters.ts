import type { EventStore } from '../store/eventStore';
import type { CountingGeography, RegionAggregates } from './regionAggregates';

/** Recounts every region from the store for `geo`; returns events visited and time taken (ms). */
export async function rebuildCounters(store: EventStore, aggregates: RegionAggregates, geo: CountingGeography): Promise<{ events: number; ms: number }> {
  const t0 = performance.now();
  aggregates.reset(geo);
  const events = await store.forEachCountable((place, e) => aggregates.apply(place, null, e));
  return { events, ms: Math.round(performance.now() - t0) };
}
