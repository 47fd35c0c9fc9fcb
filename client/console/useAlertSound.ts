import { onScopeDispose, ref } from 'vue';
import type { Alert } from '../../shared/alerts/alert';
import { beep } from './beep';
import { SoundGate } from './soundGate';

const MUTE_KEY = 'gridpulse.console.muted';

function readMuted(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * The console's alert sound: rings for new critical alerts arriving live (see SoundGate), muteable,
 * the mute remembered per browser. Browsers start audio only after the person has interacted with
 * the page: the context is created at once and resumed on the first click or key, and `blocked`
 * says while it cannot sound yet. The calling component's scope owns the listeners and the context.
 */
export function useAlertSound(options: { now?: () => number; createContext?: () => AudioContext | null } = {}) {
  const muted = ref(readMuted());
  /** Times it rang (shown on the button as a data attribute, for tests and for the curious). */
  const rings = ref(0);
  /** The browser holds audio back until a click or key press on the page. */
  const blocked = ref(false);
  const gate = new SoundGate(options.now);
  let ctx: AudioContext | null = null;
  try {
    ctx = options.createContext ? options.createContext() : typeof AudioContext === 'function' ? new AudioContext() : null;
  } catch (err) {
    console.warn('[console] no audio', err);
  }
  const update = () => (blocked.value = ctx !== null && ctx.state === 'suspended');
  update();
  ctx?.addEventListener('statechange', update);
  const unlock = () => {
    if (ctx && ctx.state === 'suspended') void ctx.resume().then(update, update);
  };
  window.addEventListener('pointerdown', unlock, true);
  window.addEventListener('keydown', unlock, true);
  onScopeDispose(() => {
    window.removeEventListener('pointerdown', unlock, true);
    window.removeEventListener('keydown', unlock, true);
    ctx?.removeEventListener('statechange', update);
    void ctx?.close().catch(() => undefined);
    ctx = null;
  });

  function setMuted(m: boolean): void {
    muted.value = m;
    try {
      localStorage.setItem(MUTE_KEY, m ? '1' : '0');
    } catch {
      // Not remembered; still muted for this page.
    }
  }

  /** Rings for this live alert if it calls for it (once, unless muted or just rung). */
  function alertArrived(a: Alert): void {
    if (!gate.shouldRing(a, muted.value)) return;
    rings.value++;
    if (ctx) {
      try {
        beep(ctx);
      } catch (err) {
        console.warn('[console] beep failed', err);
      }
    }
  }

  return { muted, rings, blocked, setMuted, alertArrived, heardBefore: (alerts: Iterable<Alert>) => gate.heardBefore(alerts) };
}
