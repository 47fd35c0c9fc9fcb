import { computed } from 'vue';
import type { ComputedRef, Ref } from 'vue';
import type { Hierarchy } from '../../shared/geo/hierarchy';
import type { HeatMetric } from '../../shared/protocol/subscribeSchema';
import { heatValue, type HeatSources } from './heatMetric';

/**
 * The values of the regions on the map (the children of `mapRegionId`) in the chosen metric,
 * leaving out those without one: what the stable colour scale (useHeatScale) is fitted to.
 */
export function useHeatValues(
  hierarchy: Ref<Hierarchy | null>,
  mapRegionId: Ref<string | null>,
  metric: Ref<HeatMetric>,
  sources: Ref<HeatSources | null>,
): ComputedRef<number[] | null> {
  return computed(() => {
    const h = hierarchy.value;
    const src = sources.value;
    if (!h || !src || !mapRegionId.value) return null;
    return h.children(mapRegionId.value).flatMap((r) => {
      const v = heatValue(metric.value, src, r);
      return v === null ? [] : [v];
    });
  });
}
