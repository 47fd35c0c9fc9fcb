import { onBeforeUnmount, onMounted, shallowRef } from 'vue';
import type { Ref, ShallowRef } from 'vue';
import { echarts } from './echarts';

export type EChart = ReturnType<typeof echarts.init>;

export interface UseEChartOptions {
  /** Runs once after creation, e.g. to attach click handlers. */
  setup?: (chart: EChart) => void;
  /** Runs after each resize, for options laid out from the chart's size in px. */
  onResize?: (chart: EChart) => void;
}

/**
 * One ECharts instance bound to an element of the calling component, which owns it: created on
 * mount, resized whenever its box changes (window resize, layout), disposed on unmount. Callers
 * update it with setOption in place; it is never re-created for new data.
 */
export function useEChart(el: Readonly<Ref<HTMLElement | null>>, options: UseEChartOptions | ((chart: EChart) => void) = {}): ShallowRef<EChart | null> {
  const o: UseEChartOptions = typeof options === 'function' ? { setup: options } : options;
  const chart = shallowRef<EChart | null>(null);
  let observer: ResizeObserver | null = null;
  let frame = 0;

  onMounted(() => {
    if (!el.value) return;
    const c = echarts.init(el.value, undefined, { renderer: 'canvas' });
    o.setup?.(c);
    chart.value = c;
    // Coalesce bursts of resize notifications (window drag) into one resize per frame.
    observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (c.isDisposed()) return;
        c.resize();
        o.onResize?.(c);
      });
    });
    observer.observe(el.value);
  });

  onBeforeUnmount(() => {
    cancelAnimationFrame(frame);
    observer?.disconnect();
    observer = null;
    chart.value?.dispose();
    chart.value = null;
  });

  return chart;
}
