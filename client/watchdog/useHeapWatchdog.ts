import { onScopeDispose } from 'vue';
import type { WatchdogEntry } from './heapWatchdog';
import { HeapWatchdog } from './heapWatchdog';

/** Where the last watchdog decisions are kept across reloads (bounded). */
export const WATCHDOG_LOG_KEY = 'gridpulse.watchdog';
const LOG_LIMIT = 20;

/** Chromium's used JS heap, bytes (performance.memory is non-standard); null elsewhere. */
export function chromiumHeapBytes(): number | null {
  const m = (performance as Performance & { memory?: { usedJSHeapSize?: number } }).memory;
  return typeof m?.usedJSHeapSize === 'number' && m.usedJSHeapSize > 0 ? m.usedJSHeapSize : null;
}

/** Logs a decision to the console and appends it to a short list in localStorage. */
export function logWatchdog(entry: WatchdogEntry): void {
  const mb = (b: number | null) => (b === null ? '—' : `${(b / 1048576).toFixed(1)} MB`);
  const line = `[watchdog] ${entry.kind}: heap ${mb(entry.usedBytes)}, baseline ${mb(entry.baselineBytes)}`;
  if (entry.kind === 'baseline') console.info(line);
  else console.warn(line);
  try {
    const kept = JSON.parse(localStorage.getItem(WATCHDOG_LOG_KEY) ?? '[]') as WatchdogEntry[];
    kept.push(entry);
    localStorage.setItem(WATCHDOG_LOG_KEY, JSON.stringify(kept.slice(-LOG_LIMIT)));
  } catch {
    // Storage off or full: the console line is the record.
  }
}

export interface WallWatchdogOptions {
  softReset: () => void;
  isQuiet: () => boolean;
  /** Overrides for a test page (`?watchdog=` …); production uses HeapWatchdog's defaults. */
  intervalMs?: number;
  warmupMs?: number;
  sustainMs?: number;
}

/** The wall's heap watchdog (see HeapWatchdog), running while the calling component lives. */
export function useHeapWatchdog(o: WallWatchdogOptions): HeapWatchdog {
  const dog = new HeapWatchdog({
    sample: chromiumHeapBytes,
    softReset: o.softReset,
    reload: () => location.reload(),
    isQuiet: o.isQuiet,
    log: logWatchdog,
    intervalMs: o.intervalMs,
    warmupMs: o.warmupMs,
    sustainMs: o.sustainMs,
  });
  dog.start();
  onScopeDispose(() => dog.stop());
  return dog;
}
