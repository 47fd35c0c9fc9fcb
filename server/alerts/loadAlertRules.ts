import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { alertRulesSchema, type AlertRules } from '../../shared/alerts/alertRules';

/** The shipped rules, config/alert-rules.json. */
export const DEFAULT_ALERT_RULES_FILE = fileURLToPath(new URL('../../config/alert-rules.json', import.meta.url));

/** Reads and validates an alert-rules file; throws naming the file and the field. */
export function loadAlertRules(file: string = DEFAULT_ALERT_RULES_FILE): AlertRules {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`alert rules file ${file}: ${(e as Error).message}`);
  }
  const parsed = alertRulesSchema.safeParse(json);
  if (!parsed.success) throw new Error(`alert rules file ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
