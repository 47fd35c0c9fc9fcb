import { onBeforeUnmount, onMounted, ref } from 'vue';
import type { Ref } from 'vue';

/**
 * How many items of `itemRem` rem fit along the element's height (or width) — at least `min`:
 * lists show whole rows only, however big the layout made their panel. The observer is the
 * calling component's and goes with it.
 */
export function useFitCount(el: Readonly<Ref<HTMLElement | null>>, itemRem: number, min = 1, axis: 'height' | 'width' = 'height'): Ref<number> {
  const count = ref(min);
  let observer: ResizeObserver | null = null;
  onMounted(() => {
    if (!el.value) return;
    observer = new ResizeObserver(([entry]) => {
      const remPx = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      const size = axis === 'height' ? entry.contentRect.height : entry.contentRect.width;
      const n = Math.max(min, Math.floor(size / (itemRem * remPx) + 0.02));
      if (n !== count.value) count.value = n;
    });
    observer.observe(el.value);
  });
  onBeforeUnmount(() => {
    observer?.disconnect();
    observer = null;
  });
  return count;
}
