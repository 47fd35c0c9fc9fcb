import type { ScreenCounters } from '../../shared/aggregates/regionCounters';
import type { useLiveStore } from '../stream/useLiveStore';

type LiveStore = ReturnType<typeof useLiveStore>;

export interface WallBenchRun {
  updates: number;
  done: boolean;
  error: string | null;
}

declare global {
  interface Window {
    /** Present only on a page opened with `?bench=1` (scripts/soak.ts --update-bench). */
    __wallBench?: { start(updates: number, gapMs?: number): void; run: WallBenchRun | null };
  }
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The measuring harness for "one focused-view update" (DESIGN.md: a trace between two marks,
 * each update started from the page itself). It stops the live link and, every `gapMs`, replaces
 * the focus's state with one in which every region on the map has new counters (the worst case:
 * a full recolour, every panel re-rendered), marking `wall-update:<i>:start` before, `…:painted`
 * after the next two frames and `…:end` when the gap is over (transitions included). The gap is longer than the wall's
 * once-a-second view throttle, so each update is drawn at once. A harness,
 * not a feature: it writes the store from outside, which no component does.
 */
export function installWallBench(live: LiveStore): void {
  window.__wallBench = {
    run: null,
    // Longer than the wall's view throttle (1 s), so every update shows at once.
    start(updates: number, gapMs = 1200) {
      const run: WallBenchRun = { updates: 0, done: false, error: null };
      this.run = run;
      live.stop();
      setTimeout(async () => {
        try {
          for (let i = 0; i < updates; i++) {
            const s = live.state;
            if (!s) throw new Error('no focus state to update');
            const counters: Record<string, ScreenCounters> = {};
            for (const [id, c] of Object.entries(s.counters)) {
              const bump = 1 + ((i * 7 + id.length * 13 + Number(id.slice(-3))) % 5);
              counters[id] = { ...c, today: c.today + bump, open: c.open + (i % 2 === 0 ? bump : -1), total: c.total + bump };
            }
            performance.mark(`wall-update:${i}:start`);
            live.state = { ...s, seq: s.seq + 1, counters };
            await nextFrame();
            await nextFrame();
            performance.mark(`wall-update:${i}:painted`);
            await sleep(gapMs);
            performance.mark(`wall-update:${i}:end`);
            run.updates = i + 1;
          }
        } catch (e) {
          run.error = e instanceof Error ? e.message : String(e);
        }
        run.done = true;
      }, 0);
    },
  };
}
