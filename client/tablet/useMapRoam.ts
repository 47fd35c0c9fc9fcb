import { nextTick, onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue';
import { echarts, type WallChartOption } from '../charts/echarts';
import type { EChart } from '../charts/useEChart';

/** Zoom limits of the tablet map: from the whole region to ten times closer. */
const SCALE_LIMIT = { min: 1, max: 10 };

interface RoamPayload {
  componentType?: string;
  dx?: number;
  dy?: number;
  zoom?: number;
  originX?: number;
  originY?: number;
}

/**
 * Pinch-zoom and drag for the wall's map (map/RegionMap.vue), which draws it with roam off — a
 * wall is not touched. RegionMap has no option for it and is not ours to change, so this finds
 * its ECharts instance in `container` (ECharts keeps one per element), turns roam on for the
 * regions' map series after each full redraw (a new map, metric or language resets the option),
 * and moves the glowing outline and the event dots (the `geo` underneath) along with every
 * gesture on the regions. (A drag that RegionMap also reads as a "back" swipe reaches the page
 * marked as a gesture; the tablet ignores those.)
 *
 * Wanted instead (for the wall engineer): a `roam` prop on RegionMap that sets roam on the map
 * series and keeps the geo in step itself.
 */
export function useMapRoam(container: Ref<HTMLElement | null>, redrawKey: () => unknown) {
  let chart: EChart | null = null;
  /** Zoomed or panned away from the fitted view. */
  const moved = ref(false);

  function onRoam(p: unknown): void {
    const e = p as RoamPayload;
    if (e.componentType !== 'series' || !chart) return;
    moved.value = true;
    // The same step for the outline and the dots, which sit on the geo component.
    chart.dispatchAction({ type: 'geoRoam', componentType: 'geo', geoIndex: 0, dx: e.dx, dy: e.dy, zoom: e.zoom, originX: e.originX, originY: e.originY });
  }

  function attach(): void {
    const el = container.value?.querySelector<HTMLElement>('.region-map');
    const c = el ? (echarts.getInstanceByDom(el) ?? null) : null;
    if (!c) return;
    if (c !== chart) {
      chart?.off('georoam', onRoam);
      chart = c;
      c.on('georoam', onRoam);
    }
    c.setOption({ series: [{ id: 'heat', roam: true, scaleLimit: SCALE_LIMIT }], geo: { scaleLimit: SCALE_LIMIT } } satisfies WallChartOption);
    moved.value = false;
  }

  /** Back to the fitted view of the whole region. */
  function reset(): void {
    if (!chart) return;
    chart.setOption({ series: [{ id: 'heat', zoom: 1, center: undefined }], geo: { zoom: 1, center: undefined } } satisfies WallChartOption);
    // ECharts merges `undefined` as "keep": the centre is reset by a redraw of the same option.
    const opt = chart.getOption() as { series?: { id?: string; center?: unknown }[]; geo?: { center?: unknown }[] };
    if (opt.series?.some((s) => s.id === 'heat' && s.center) || opt.geo?.some((g) => g.center)) {
      chart.setOption({ series: [{ id: 'heat', center: null as unknown as undefined }], geo: { center: null as unknown as undefined } } satisfies WallChartOption);
    }
    moved.value = false;
  }

  // The container may appear later than the page (once the geography is in).
  watch(
    container,
    (el) => {
      if (el) attach();
    },
    { flush: 'post' },
  );
  onMounted(() => {
    attach();
  });
  // After RegionMap's own watcher has redrawn (it runs before the DOM update; this runs after).
  watch(redrawKey, () => void nextTick(attach), { flush: 'post' });
  onBeforeUnmount(() => {
    chart?.off('georoam', onRoam);
    chart = null;
  });

  return {
    moved,
    reset,
    /** Re-attaches (the map element was re-created). */
    attach,
  };
}
