import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { quantile, sortedCopy } from './stats';

/** Env that preloads serverProbe.mjs into a server process, writing to `file`. */
export function probeEnv(file: string): Record<string, string> {
  const hook = fileURLToPath(new URL('./serverProbe.mjs', import.meta.url));
  return { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${hook}`.trim(), PROBE_FILE: file };
}

export interface ProbeSummary {
  /** Mean event-loop utilisation over the window (1 = never idle). */
  elu: number;
  /** Event-loop delay: the largest seen, and the p99 over the intervals' maxima. */
  delayMaxMs: number;
  intervalMaxP90Ms: number;
  intervals: number;
  /** Intervals (of PROBE_MS) whose largest delay exceeded 50 ms. */
  over50: number;
}

/** Summarises the probe's lines whose time falls in [fromMs, toMs] (Date.now() clock). */
export function readProbe(file: string, fromMs: number, toMs: number): ProbeSummary | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const lines = text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { t: number; elu: number; delayMaxMs: number })
    .filter((l) => l.t >= fromMs && l.t <= toMs);
  if (lines.length === 0) return null;
  const maxes = sortedCopy(lines.map((l) => l.delayMaxMs));
  return {
    elu: lines.reduce((a, l) => a + l.elu, 0) / lines.length,
    delayMaxMs: maxes[maxes.length - 1],
    intervalMaxP90Ms: quantile(maxes, 0.9),
    intervals: lines.length,
    over50: lines.filter((l) => l.delayMaxMs > 50).length,
  };
}

export const probeNote = (p: ProbeSummary | null) =>
  p
    ? `server event loop: utilisation ${(p.elu * 100).toFixed(0)} %, delay max ${p.delayMaxMs.toFixed(0)} ms, 90 % of 250-ms intervals' max ≤ ${p.intervalMaxP90Ms.toFixed(0)} ms, ${p.over50} of ${p.intervals} intervals with a stall > 50 ms`
    : 'server probe: no data';
