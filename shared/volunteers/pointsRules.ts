import { z } from 'zod';

/**
 * How service time earns points (积分; Yuyang lists 积分兑换, points exchanged for goods or
 * services, among its six kinds of results). The shipped rules are in
 * config/volunteer-points.json: 10 points an hour of service, counted in whole minutes, and a
 * session counts at most 12 hours (a volunteer who forgot to check out is not credited for the
 * night). Points are fixed at check-out, so changing the rules never rewrites history.
 */
export const pointsRulesSchema = z
  .object({
    $comment: z.string().optional(),
    /** Points per hour of service. */
    pointsPerHour: z.number().min(0).max(1000),
    /** A session is credited at most this many hours. */
    maxSessionHours: z.number().gt(0).max(72),
  })
  .strict();

export type PointsRules = Omit<z.output<typeof pointsRulesSchema>, '$comment'>;

export const DEFAULT_POINTS_RULES: PointsRules = { pointsPerHour: 10, maxSessionHours: 12 };

/**
 * Service time credited for a session and the points it earns: whole minutes between check-in
 * and check-out (ms epoch), capped at maxSessionHours; points = floor(minutes × pointsPerHour / 60).
 */
export function creditSession(checkInMs: number, checkOutMs: number, rules: PointsRules): { creditedMs: number; points: number } {
  const minutes = Math.min(Math.floor(Math.max(0, checkOutMs - checkInMs) / 60_000), Math.round(rules.maxSessionHours * 60));
  return { creditedMs: minutes * 60_000, points: Math.floor((minutes * rules.pointsPerHour) / 60) };
}
