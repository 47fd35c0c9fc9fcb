import { z } from 'zod';

/**
 * What a screen can colour the map by: four from the event counters, two from the volunteer
 * panel's (activities started in the last 7 days, volunteers checked in now).
 */
export const HEAT_METRICS = ['open', 'today', 'overdue', 'per1000', 'closureRate', 'volunteerActivities', 'volunteersActive'] as const;
export type HeatMetric = (typeof HEAT_METRICS)[number];

/** The longest event list a screen may ask to be kept in step with (`feed`). */
export const MAX_FEED_WINDOW = 200;

/** Payload of SocketEvent.subscribe, validated on the server (typed events are no validation). */
export const subscribeSchema = z
  .object({
    regionId: z.string().regex(/^\d{6,15}$/, 'a region id (6–15 digits)'),
    /** The heat metric the screen shows (echoed back; lets a pushed view carry it). */
    metric: z.enum(HEAT_METRICS).default('open'),
    /**
     * The seq a reconnecting screen holds for this same region: the server answers with a delta
     * from it (what was missed) when it still can, else with a fresh snapshot.
     */
    lastSeq: z.number().int().nonnegative().optional(),
    /**
     * How many of the focus's newest events the screen keeps (shared/events/feedWindow.ts):
     * the snapshot holds that many, and deltas carry only the changed events among them. Left
     * out: the snapshot holds FEED_EVENTS and deltas carry every changed event in the focus (a
     * duty console following events wherever they are in its list).
     */
    feed: z.number().int().min(1).max(MAX_FEED_WINDOW).optional(),
  })
  .strict();
