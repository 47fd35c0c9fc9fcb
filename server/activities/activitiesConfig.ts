import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { pointsRulesSchema, type PointsRules } from '../../shared/volunteers/pointsRules';

/** The shipped points rules, config/volunteer-points.json. */
export const DEFAULT_POINTS_FILE = fileURLToPath(new URL('../../config/volunteer-points.json', import.meta.url));

/** What the volunteer and service-card streams read from the environment, beside ServerConfig. */
export interface ActivitiesConfig {
  /** How service time earns points (VOLUNTEER_POINTS_FILE, default config/volunteer-points.json). */
  rules: PointsRules;
  /**
   * Demo density of the simulator (ACTIVITY_SIM_SCALE, default 10): activities and orders come
   * this many times as often as the articles' figures give, proportions unchanged, so a wall
   * shows a lively day; 1 is the articles' own rate.
   */
  simScale: number;
}

/** Reads and validates a points-rules file; throws naming the file and the field. */
export function loadPointsRules(file: string = DEFAULT_POINTS_FILE): PointsRules {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`volunteer points file ${file}: ${(e as Error).message}`);
  }
  const parsed = pointsRulesSchema.safeParse(json);
  if (!parsed.success) throw new Error(`volunteer points file ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const { $comment: _comment, ...rules } = parsed.data;
  return rules;
}

/** Reads the configuration; throws naming the variable or file when one is malformed. */
export function loadActivitiesConfig(env: NodeJS.ProcessEnv = process.env): ActivitiesConfig {
  const raw = env.ACTIVITY_SIM_SCALE;
  const simScale = raw === undefined || raw === '' ? 10 : Number(raw);
  if (!Number.isFinite(simScale) || simScale <= 0 || simScale > 10_000) throw new Error(`ACTIVITY_SIM_SCALE must be a number above 0 and at most 10000, got "${raw}"`);
  return {
    rules: loadPointsRules(env.VOLUNTEER_POINTS_FILE ? resolve(env.VOLUNTEER_POINTS_FILE) : undefined),
    simScale,
  };
}
