import { onScopeDispose, shallowRef, watch } from 'vue';
import type { ShallowRef, WatchSource } from 'vue';

/**
 * `source`, changing at most once per `minMs` (the latest value wins; the first arrives at once).
 * A wall is read from across a room: numbers that roll and lists that slide several times a
 * second are never still long enough to read, and every change is a repaint. The timer belongs
 * to the calling scope and goes with it. `urgent(next, shown)`: a change that must show at once
 * (e.g. from or to "no data" on a focus switch). `now` is injectable for tests.
 */
export function useThrottled<T>(
  source: WatchSource<T>,
  minMs: number,
  options: { now?: () => number; urgent?: (next: T, shown: T) => boolean } = {},
): Readonly<ShallowRef<T>> {
  const now = options.now ?? Date.now;
  const value = shallowRef<T>(typeof source === 'function' ? (source as () => T)() : source.value);
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let latest: T = value.value;
  const publish = () => {
    timer = null;
    last = now();
    value.value = latest;
  };
  watch(source, (v) => {
    latest = v;
    const wait = last + minMs - now();
    if (wait <= 0 || options.urgent?.(v, value.value)) {
      if (timer !== null) clearTimeout(timer);
      publish();
    } else if (timer === null) {
      timer = setTimeout(publish, wait);
    } // else already due: it will publish the latest
  });
  onScopeDispose(() => {
    if (timer !== null) clearTimeout(timer);
  });
  return value;
}
