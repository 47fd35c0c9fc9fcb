import { onBeforeUnmount, onMounted, shallowRef } from 'vue';
import type { Ref, ShallowRef } from 'vue';
import { echarts } from './echarts';

export type EChart = ReturnType<typeof echarts.init>;

/**
 * One ECharts instance bound to an element of the calling component, which owns it: created on
 * mount, resized whenever its box changes (window resize, layout), disposed on unmount. Callers
 * update it with setOption in place; it is never re-created for new data.
 * `setup` runs once after creation, e.g. to attach click handlers.
 */
export function useEChart(el: Readonly<Ref<HTMLElement | null>>, setup?: (chart: EChart) => void): ShallowRef<EChart | null> {
  const chart = shallowRef<EChart | null>(null);
  let observer: ResizeObserver | null = null;
  let frame = 0;

  onMounted(() => {
    if (!el.value) return;
    const c = echarts.init(el.value, undefined, { renderer: 'canvas' });
    setup?.(c);
    chart.value = c;
    // Coalesce bursts of resize notifications (window drag) into one resize per frame.
    observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => c.resize());
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
