import type { GridEvent } from './gridEvent';
import { isFinal } from './status';
import { slaLight, type SlaLight } from './timeLimits';

/** Where an event stands against its time limit at `nowMs`. */
export interface EventSla {
  /** Time left until the deadline, ms (negative when late); null once final. */
  remainingMs: number | null;
  /** Warning light while open; for a final event, whether it closed by its deadline. */
  light: SlaLight | 'done_on_time' | 'done_late';
  overdue: boolean;
}

export function eventSla(e: GridEvent, nowMs: number, warnAt: number): EventSla {
  const deadline = Date.parse(e.deadline);
  if (isFinal(e.status)) {
    const late = e.closedAt !== null && Date.parse(e.closedAt) > deadline;
    return { remainingMs: null, light: late ? 'done_late' : 'done_on_time', overdue: e.overdueAt !== null };
  }
  return {
    remainingMs: deadline - nowMs,
    light: slaLight(Date.parse(e.reportedAt), deadline, nowMs, warnAt),
    overdue: e.overdueAt !== null || nowMs > deadline,
  };
}
