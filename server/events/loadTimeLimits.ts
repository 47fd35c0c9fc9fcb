import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { timeLimitsSchema, type TimeLimits } from '../../shared/events/timeLimits';

/** The shipped time-limits file, config/time-limits.json. */
export const DEFAULT_TIME_LIMITS_FILE = fileURLToPath(new URL('../../config/time-limits.json', import.meta.url));

/** Reads and validates a time-limits file; throws naming the file and the field. */
export function loadTimeLimits(file: string = DEFAULT_TIME_LIMITS_FILE): TimeLimits {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`time limits file ${file}: ${(e as Error).message}`);
  }
  const parsed = timeLimitsSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(`time limits file ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
