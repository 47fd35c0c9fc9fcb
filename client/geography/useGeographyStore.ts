import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { Hierarchy } from '../../shared/geo/hierarchy';
import { buildHierarchy } from '../../shared/geo/hierarchy';
import type { GeographyCollection, RegionFeature } from '../../shared/geo/region';
import { GeographyHttpError, fetchGeography } from './fetchGeography';

export type GeographyStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * The territory, loaded once: the region tree and each region's outline. Held in shallow refs —
 * ~800 polygons must not become deep reactive proxies.
 */
export const useGeographyStore = defineStore('geography', () => {
  const status = ref<GeographyStatus>('idle');
  const error = ref<string | null>(null);
  /** The load was refused for want of a sign-in (HTTP 401). */
  const signedOut = ref(false);
  const hierarchy = shallowRef<Hierarchy | null>(null);
  /** Outline of every region by id. */
  const features = shallowRef<ReadonlyMap<string, RegionFeature>>(new Map());

  /** Loads the geography unless already loaded or loading. `load` is injectable for tests. */
  async function load(fetchIt: () => Promise<GeographyCollection> = fetchGeography): Promise<void> {
    if (status.value === 'loading' || status.value === 'ready') return;
    status.value = 'loading';
    error.value = null;
    try {
      const geo = await fetchIt();
      hierarchy.value = buildHierarchy(geo.features.map((f) => f.properties));
      features.value = new Map(geo.features.map((f) => [f.properties.id, f]));
      status.value = 'ready';
    } catch (e) {
      console.error('[geography] load failed', e);
      error.value = e instanceof Error ? e.message : String(e);
      signedOut.value = e instanceof GeographyHttpError && e.status === 401;
      status.value = 'error';
    }
  }

  return { status, error, signedOut, hierarchy, features, load };
});
