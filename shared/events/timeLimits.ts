import { z } from 'zod';
import { CATEGORY_CODES, SEVERITIES, type Category, type Severity } from './categories';

const hours = z.number().positive().max(24 * 365);
const bySeverity = z.partialRecord(z.enum(SEVERITIES), hours);

/** The time-limits file (config/time-limits.json). */
export const timeLimitsSchema = z
  .object({
    $comment: z.string().optional(),
    /** Share of the allowed time after which a case shows yellow. */
    warnAt: z.number().gt(0).lt(1).default(0.7),
    hoursBySeverity: z.record(z.enum(SEVERITIES), hours),
    hoursByCategory: z.partialRecord(z.enum(CATEGORY_CODES), bySeverity).default({}),
    /**
     * Shortest time between two 催办 (urge) of one event, minutes. DOMAIN.md: reminders have a
     * minimum interval; the sources give no figure, 30 is this product's default.
     */
    urgeMinMinutes: z.number().int().min(0).max(24 * 60).default(30),
  })
  .strict();
export type TimeLimits = z.output<typeof timeLimitsSchema>;

const HOUR_MS = 3600_000;

/** Allowed handling time for a case, ms (calendar time; working-hour calendars are not modelled). */
export function allowedMs(limits: TimeLimits, category: Category, severity: Severity): number {
  return (limits.hoursByCategory[category]?.[severity] ?? limits.hoursBySeverity[severity]) * HOUR_MS;
}

/** Epoch ms by which a case reported at `reportedAtMs` must be closed. */
export function deadlineMs(limits: TimeLimits, category: Category, severity: Severity, reportedAtMs: number): number {
  return reportedAtMs + allowedMs(limits, category, severity);
}

export type SlaLight = 'green' | 'yellow' | 'red';

/** The warning light of an open case at `nowMs`: yellow from warnAt of its time, red once overdue. */
export function slaLight(reportedAtMs: number, deadline: number, nowMs: number, warnAt: number): SlaLight {
  if (nowMs > deadline) return 'red';
  return nowMs - reportedAtMs >= (deadline - reportedAtMs) * warnAt ? 'yellow' : 'green';
}
