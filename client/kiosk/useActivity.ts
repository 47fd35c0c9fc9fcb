import { onScopeDispose } from 'vue';

const EVENTS = ['pointerdown', 'pointermove', 'wheel', 'keydown', 'touchstart'] as const;

/**
 * Notices someone at the screen (a touch, click, key or mouse movement) and calls `onActivity`,
 * at most once a second. Its window listeners belong to the calling scope and go with it.
 * Returns when the last activity was (epoch ms; -Infinity before any).
 */
export function useActivity(onActivity: () => void, now: () => number = Date.now): () => number {
  let last = -Infinity;
  const handler = () => {
    const t = now();
    if (t - last < 1000) return; // mouse moves fire per frame; the tour needs no more than this
    last = t;
    onActivity();
  };
  for (const e of EVENTS) window.addEventListener(e, handler, { passive: true, capture: true });
  onScopeDispose(() => {
    for (const e of EVENTS) window.removeEventListener(e, handler, { capture: true });
  });
  return () => last;
}
