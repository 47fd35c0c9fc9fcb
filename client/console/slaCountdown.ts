import type { GridEvent } from '../../shared/events/gridEvent';
import { isFinal } from '../../shared/events/status';
import { slaLight } from '../../shared/events/timeLimits';

/** Where a case stands against its time limit, as the console's countdown shows it. */
export interface SlaCountdown {
  /**
   * green: on track · yellow: warnAt (70 %) of the allowed time used · red: overdue ·
   * done_on_time / done_late: final, closed by / after the deadline.
   */
  light: 'green' | 'yellow' | 'red' | 'done_on_time' | 'done_late';
  /** ms to the deadline (negative once overdue); null once final. */
  remainingMs: number | null;
}

/**
 * The countdown of an event at `nowMs` (the server's clock as this page estimates it), with the
 * same rule as the server's eventSla: yellow from `warnAt` of the allowed time, red after the
 * deadline — or as soon as the server has marked it overdue, whatever this clock says. Time left
 * never exceeds the time allowed (a case just reported reads 2:00:00, not 2:00:01).
 */
export function slaCountdown(e: Pick<GridEvent, 'status' | 'reportedAt' | 'deadline' | 'closedAt' | 'overdueAt'>, nowMs: number, warnAt: number): SlaCountdown {
  const deadline = Date.parse(e.deadline);
  if (isFinal(e.status)) {
    const late = e.closedAt !== null && Date.parse(e.closedAt) > deadline;
    return { light: late ? 'done_late' : 'done_on_time', remainingMs: null };
  }
  const reported = Date.parse(e.reportedAt);
  const light = e.overdueAt !== null ? 'red' : slaLight(reported, deadline, nowMs, warnAt);
  // This clock may run a moment behind the server's: never more time left than was allowed.
  return { light, remainingMs: Math.min(deadline - nowMs, deadline - reported) };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A countdown or an overrun as a ticking clock: "0:42:07", "23:59:59", past a day "2天 03:04:05"
 * (`days` words the day count). Time left is rounded up, so it reads 0:00:00 exactly at the
 * deadline; time over is rounded down, so the first overdue second reads 0:00:00 too.
 */
export function formatCountdown(remainingMs: number, days: (n: number) => string): string {
  const totalS = remainingMs >= 0 ? Math.ceil(remainingMs / 1000) : Math.floor(-remainingMs / 1000);
  const d = Math.floor(totalS / 86_400);
  const h = Math.floor((totalS % 86_400) / 3600);
  const m = Math.floor((totalS % 3600) / 60);
  const s = totalS % 60;
  const clock = `${d > 0 ? pad(h) : h}:${pad(m)}:${pad(s)}`;
  return d > 0 ? `${days(d)} ${clock}` : clock;
}
