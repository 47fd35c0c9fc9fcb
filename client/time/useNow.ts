import { onScopeDispose, shallowRef } from 'vue';
import type { ShallowRef } from 'vue';

/**
 * The current time (epoch ms), refreshed every `intervalMs` (default 1000). The timer belongs to
 * the calling component's scope and stops with it.
 */
export function useNow(intervalMs = 1000, now: () => number = Date.now): ShallowRef<number> {
  const value = shallowRef(now());
  const timer = setInterval(() => (value.value = now()), intervalMs);
  onScopeDispose(() => clearInterval(timer));
  return value;
}
