import { computed, ref, watch } from 'vue';
import type { ComputedRef, Ref } from 'vue';
import type { HeatMetric } from '../../shared/protocol/subscribeSchema';
import { HEAT_METRIC_SPECS } from './heatMetric';
import { stableScaleMax } from './heatScale';

/**
 * The map's colour scale (0 … returned max, in the metric's unit), held for as long as the same
 * region's children are on the map and the metric is the same — through ticks, and through
 * moving between a community and its grids — and chosen afresh when either changes. A fixed
 * scale (percentages) is always 0–100.
 */
export function useHeatScale(mapRegionId: Ref<string | null>, metric: Ref<HeatMetric>, values: Ref<number[] | null>): ComputedRef<number> {
  const held = ref<number | null>(null);
  watch([mapRegionId, metric], () => (held.value = null), { flush: 'sync' });
  watch(
    [values, metric],
    ([v, m]) => {
      const spec = HEAT_METRIC_SPECS[m];
      if (spec.scale === 'fixed') held.value = spec.floor;
      else if (v && v.length > 0) held.value = stableScaleMax(held.value, v, spec.floor);
    },
    { immediate: true },
  );
  return computed(() => held.value ?? HEAT_METRIC_SPECS[metric.value].floor);
}
