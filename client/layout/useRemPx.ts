import { onScopeDispose, shallowRef } from 'vue';
import type { ShallowRef } from 'vue';

/** Root font size at the 1920×1080 design size, px: the unit the design is drawn in. */
export const DESIGN_REM_PX = 16;

function readRemPx(): number {
  const px = parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(px) && px > 0 ? px : DESIGN_REM_PX;
}

let shared: { value: ShallowRef<number>; users: number; onResize: () => void } | null = null;

/**
 * The root font size in px, which app/theme.css ties to the viewport (the 1920×1080 stage is
 * 120 × 67.5 rem). Canvas charts cannot use rem, so they scale their px sizes by this / 16.
 * One window listener however many charts ask; it goes when the last of them is disposed.
 */
export function useRemPx(): Readonly<ShallowRef<number>> {
  if (!shared) {
    const value = shallowRef(readRemPx());
    let frame = 0;
    const onResize = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const px = readRemPx();
        if (px !== value.value) value.value = px;
      });
    };
    window.addEventListener('resize', onResize);
    shared = { value, users: 0, onResize };
  }
  const s = shared;
  s.users++;
  onScopeDispose(() => {
    if (--s.users === 0) {
      window.removeEventListener('resize', s.onResize);
      if (shared === s) shared = null;
    }
  });
  return s.value;
}

/** A design-size px length scaled to the screen (for canvas charts): `px(13)` at 4K is 26. */
export function scalePx(designPx: number, remPx: number): number {
  return Math.round(((designPx * remPx) / DESIGN_REM_PX) * 10) / 10;
}
