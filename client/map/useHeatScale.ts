import { computed, ref, watch } from 'vue';
import type { ComputedRef, Ref } from 'vue';
import { MIN_SCALE_MAX, stableScaleMax } from './heatScale';

/**
 * The map's colour scale (0 … returned max, open events), held for as long as the same region's
 * children are on the map — through ticks, and through moving between a community and its grids —
 * and chosen afresh when the map changes to another region.
 */
export function useHeatScale(mapRegionId: Ref<string | null>, values: Ref<number[] | null>): ComputedRef<number> {
  const held = ref<number | null>(null);
  watch(mapRegionId, () => (held.value = null), { flush: 'sync' });
  watch(
    values,
    (v) => {
      if (v && v.length > 0) held.value = stableScaleMax(held.value, v);
    },
    { immediate: true },
  );
  return computed(() => held.value ?? MIN_SCALE_MAX);
}
