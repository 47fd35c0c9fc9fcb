/**
 * Number-shaping for the wall's volunteer and service-card panels (issue 8). The server streams
 * raw counters per region (panels.volunteer / panels.serviceCard); these functions read them
 * defensively (a server one release behind, or a malformed field, gives "not known", never an
 * exception) and turn them into what the panels draw. Pure: no Vue, no DOM.
 */
import { ACTIVITY_TYPES, type ActivityType } from '../../shared/volunteers/activityTypes';
import { volunteerHoursToday } from '../../shared/volunteers/volunteerIndicators';
import type { VolunteerCounters } from '../../shared/volunteers/volunteerCounters';
import { meanAcceptanceMinutes, meanAcceptanceMinutesToday, meanRating, satisfactionRate } from '../../shared/serviceCards/serviceCardIndicators';
import type { ServiceCardCounters } from '../../shared/serviceCards/serviceCardCounters';
import { ORDER_STAGE_LABELS, type FunnelStage } from '../../shared/serviceCards/orderStages';

const DAYS = 7;

function count(x: unknown): number | null {
  return typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : null;
}
function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
function pick(label: { zh: string; en: string }, locale: string): string {
  return locale.startsWith('zh') ? label.zh : label.en;
}

/** What the volunteer panel shows of one region. Null fields: not known. */
export interface VolunteerFigures {
  activitiesToday: number | null;
  volunteersActive: number | null;
  residentVisitsToday: number | null;
  /** 志愿服务时长 today, hours. */
  hoursToday: number | null;
  /** Today's activities by type, every type in ACTIVITY_TYPES order (0 when absent). */
  byType: { code: ActivityType; count: number }[];
  /** Activities started on each of the last 7 local days, oldest first (today last), or null. */
  byDay: number[] | null;
}

/** Reads a region's volunteer counters as the server sent them. */
export function volunteerFigures(raw: unknown): VolunteerFigures | null {
  if (!isObject(raw)) return null;
  const c = raw as Partial<Record<keyof VolunteerCounters, unknown>>;
  const serviceMs = count(c.serviceMsToday);
  const types = isObject(c.activitiesTodayByType) ? c.activitiesTodayByType : {};
  const days = Array.isArray(c.activitiesByDay) && c.activitiesByDay.length === DAYS && c.activitiesByDay.every((n) => count(n) !== null) ? (c.activitiesByDay as number[]) : null;
  return {
    activitiesToday: count(c.activitiesToday),
    volunteersActive: count(c.volunteersActive),
    residentVisitsToday: count(c.residentVisitsToday),
    hoursToday: serviceMs === null ? null : volunteerHoursToday({ serviceMsToday: serviceMs } as VolunteerCounters),
    byType: ACTIVITY_TYPES.map((t) => ({ code: t.code, count: count(types[t.code]) ?? 0 })),
    byDay: days ? [...days] : null,
  };
}

/** Display name of an activity type (the code itself when this screen does not know it). */
export function activityTypeLabel(code: string, locale: string): string {
  const t = ACTIVITY_TYPES.find((x) => x.code === code);
  return t ? pick(t, locale) : code;
}

/**
 * The `n` types with most activities today, most first (ties in ACTIVITY_TYPES order), leaving
 * out types with none; what a small bar chart has room for.
 */
export function topTypes(byType: readonly { code: ActivityType; count: number }[], n: number): { code: ActivityType; count: number }[] {
  return byType
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => t.count > 0)
    .sort((a, b) => b.t.count - a.t.count || a.i - b.i)
    .slice(0, Math.max(0, n))
    .map(({ t }) => ({ ...t }));
}

/**
 * Labels of the 7 days of a trend, oldest first, as "M/D" (CST days): day i of 7 starts at
 * today's local midnight − (6 − i) days. `nowMs`: server time now.
 */
export function dayLabels(nowMs: number): string[] {
  const CST_MS = 8 * 3600_000;
  const DAY_MS = 86_400_000;
  const todayStart = Math.floor((nowMs + CST_MS) / DAY_MS) * DAY_MS; // midnight, in shifted time
  return Array.from({ length: DAYS }, (_, i) => {
    const d = new Date(todayStart - (DAYS - 1 - i) * DAY_MS);
    return `${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
  });
}

/** The funnel stages the wall shows: 点单 → 下单 → 接单 → 完成. */
export const WALL_FUNNEL: readonly FunnelStage[] = ['requested', 'dispatched', 'accepted', 'done'];

export interface FunnelStep {
  stage: FunnelStage;
  count: number;
  /** Share of the first stage (点单), 0–1; null when nothing was ordered. */
  ofFirst: number | null;
  /** Share of the step before (conversion), 0–1; null for the first step or when the step before is 0. */
  ofPrevious: number | null;
}

/** What the service-card panel shows of one region. */
export interface ServiceCardFigures {
  /** Whose funnel it is: orders placed today, or (none today yet) all orders. */
  scope: 'today' | 'all';
  funnel: FunnelStep[];
  /** Mean minutes from order to acceptance: today's when any was accepted today, else over all. */
  acceptanceMinutes: number | null;
  /** Mean rating 1–5 and share of 4–5★ ratings 0–1, over all ratings. */
  meanRating: number | null;
  satisfaction: number | null;
  ratingCount: number | null;
}

function readStages(x: unknown): Record<FunnelStage, number> | null {
  if (!isObject(x)) return null;
  const out = {} as Record<FunnelStage, number>;
  for (const s of WALL_FUNNEL) {
    const v = count(x[s]);
    if (v === null) return null;
    out[s] = v;
  }
  return out;
}

/** Shapes counts per stage into funnel steps with shares. */
export function funnelSteps(reached: Record<FunnelStage, number>): FunnelStep[] {
  const first = reached[WALL_FUNNEL[0]!];
  return WALL_FUNNEL.map((stage, i) => {
    const n = reached[stage];
    const prev = i > 0 ? reached[WALL_FUNNEL[i - 1]!] : 0;
    return {
      stage,
      count: n,
      ofFirst: first > 0 ? n / first : null,
      ofPrevious: i > 0 && prev > 0 ? n / prev : null,
    };
  });
}

/** Reads a region's service-card counters as the server sent them. */
export function serviceCardFigures(raw: unknown): ServiceCardFigures | null {
  if (!isObject(raw)) return null;
  const today = readStages(raw.reachedToday);
  const all = readStages(raw.reached);
  const useToday = today !== null && today.requested > 0;
  const reached = useToday ? today : (all ?? today);
  const num = (k: keyof ServiceCardCounters) => count(raw[k]) ?? 0;
  const scores = Array.isArray(raw.ratingsByScore) && raw.ratingsByScore.length === 5 && raw.ratingsByScore.every((n) => count(n) !== null) ? (raw.ratingsByScore as ServiceCardCounters['ratingsByScore']) : null;
  const c = {
    acceptedCount: num('acceptedCount'),
    acceptanceMsSum: num('acceptanceMsSum'),
    acceptedToday: num('acceptedToday'),
    acceptanceMsSumToday: num('acceptanceMsSumToday'),
    ratingCount: num('ratingCount'),
    ratingSum: num('ratingSum'),
    ratingsByScore: scores ?? [0, 0, 0, 0, 0],
  } as ServiceCardCounters;
  return {
    scope: useToday ? 'today' : 'all',
    funnel: reached ? funnelSteps(reached) : [],
    acceptanceMinutes: meanAcceptanceMinutesToday(c) ?? meanAcceptanceMinutes(c),
    meanRating: meanRating(c),
    satisfaction: scores ? satisfactionRate(c) : null,
    ratingCount: count(raw.ratingCount),
  };
}

/** Short display name of a funnel stage: 点单 / 下单 / 接单 / 完成 (zh), else the shared English label. */
export function funnelStageLabel(stage: FunnelStage, locale: string): string {
  const short: Record<FunnelStage, string> = { requested: '点单', dispatched: '下单', accepted: '接单', done: '完成', rated: '评价' };
  return locale.startsWith('zh') ? short[stage] : pick(ORDER_STAGE_LABELS[stage], locale);
}
