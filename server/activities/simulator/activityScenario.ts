import TinyQueue from 'tinyqueue';
import type { Hierarchy } from '../../../shared/geo/hierarchy';
import type { ActivityType } from '../../../shared/volunteers/activityTypes';
import type { ServiceCategory } from '../../../shared/serviceCards/serviceCategories';
import type { OrderStage } from '../../../shared/serviceCards/orderStages';
import { CHINA_UTC_OFFSET_MS } from '../../../shared/time/dayStart';
import { pickWeighted, poisson, type Random } from '../../simulator/random';
import * as mix from './activityMix';

const MIN = 60_000;
/** Simulated time the spawning advances by at a time, ms (rates follow the hour within it). */
const STEP_MS = MIN;

/** One thing the simulator does through the public API, at simulated time `atMs`. */
export type SimAction = { atMs: number } & (
  | { kind: 'checkIn'; activityId: string; clientId: string; volunteerId: string }
  | { kind: 'checkOut'; activityId: string; volunteerId: string }
  | { kind: 'activity'; clientId: string; teamId: string; type: ActivityType; title: string; gridId: string; startMs: number; endMs: number }
  | { kind: 'activityTransition'; activityId: string; action: 'end' | 'cancel'; residentVisits?: number; actor: string; note: string }
  | { kind: 'order'; clientId: string; category: ServiceCategory; gridId: string; description: string }
  | { kind: 'stage'; orderId: string; stage: OrderStage; actor: string; partnerUnit?: string; rating?: number; comment?: string }
);

/** A team and its volunteers, registered before anything else (ids stable across runs). */
export interface SimTeam {
  clientId: string;
  name: string;
  regionId: string;
  communityId: string;
  volunteers: { clientId: string; name: string }[];
}

export interface ScenarioDeps {
  hierarchy: Hierarchy;
  random: Random;
  /** Demo density: rates × scale (ActivitiesConfig.simScale). */
  scale: number;
  /** Prefix of the ids of activities, attendances and orders, unique per run. */
  runId: string;
  /** Simulated time the scenario starts at, epoch ms. */
  startMs: number;
  /** Start with the activities that would be under way at this hour, and a recent backlog of orders (a demo wall). Default false. */
  warmStart?: boolean;
}

/** A deterministic fraction in [0, 1) of a string (FNV-1a): the same district gets the same teams every run. */
export function hash01(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 4294967296;
}

const between = (random: Random, [lo, hi]: readonly [number, number]) => lo + random() * (hi - lo);
const pick = <T>(random: Random, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
const localHour = (ms: number) => new Date(ms + CHINA_UTC_OFFSET_MS).getUTCHours();
/** Monday 0 … Sunday 6, local. */
const localWeekday = (ms: number) => (new Date(ms + CHINA_UTC_OFFSET_MS).getUTCDay() + 6) % 7;

/** The district's teams: about TEAMS_PER_COMMUNITY a community, chosen by a hash of its id. */
export function simTeams(h: Hierarchy): SimTeam[] {
  const teams: SimTeam[] = [];
  for (const c of h.byLevel('community')) {
    if (hash01(`${c.id}:team`) >= mix.TEAMS_PER_COMMUNITY) continue;
    const grids = h.children(c.id);
    const onGrid = grids.length > 0 && hash01(`${c.id}:grid-team`) < mix.GRID_TEAM_SHARE;
    const grid = onGrid ? grids[Math.floor(hash01(`${c.id}:which-grid`) * grids.length)] : null;
    const [lo, hi] = mix.TEAM_SIZE;
    const size = lo + Math.floor(hash01(`${c.id}:size`) * (hi - lo + 1));
    const teamId = `sim-team-${c.id}`;
    teams.push({
      clientId: teamId,
      name: grid ? `${grid.name}志愿服务队` : `${c.name}志愿服务队`,
      regionId: grid ? grid.id : c.id,
      communityId: c.id,
      volunteers: Array.from({ length: size }, (_, i) => ({
        clientId: `sim-vol-${c.id}-${i + 1}`,
        name: `${mix.SURNAMES[Math.floor(hash01(`${c.id}:${i}:s`) * mix.SURNAMES.length)]}${mix.ADDRESS_FORMS[Math.floor(hash01(`${c.id}:${i}:a`) * mix.ADDRESS_FORMS.length)]}`,
      })),
    });
  }
  return teams;
}

interface Queued {
  action: SimAction;
  n: number;
}

/**
 * The simulated volunteer and service-card streams (pure, seeded, no timers): teams hold
 * activities at the articles' rate (activityMix.ts), their volunteers check in and out, the
 * activity ends with the resident-visits served; residents order from the service card and
 * the community, partner units and residents move each order along. `advance(toMs)` returns
 * every action due by that simulated time, in time order; a caller with a fake clock can run a
 * week in a loop.
 */
export function createActivityScenario(deps: ScenarioDeps) {
  const { hierarchy: h, random, scale } = deps;
  const teams = simTeams(h);
  /** Simulated time until which each volunteer is taken. */
  const busyUntil = new Map<string, number>();
  const queue = new TinyQueue<Queued>([], (a, b) => a.action.atMs - b.action.atMs || a.n - b.n);
  let queued = 0;
  const at = (action: SimAction) => queue.push({ action, n: queued++ });

  const gridWeights = (ids: readonly string[]) => Object.fromEntries(ids.map((id) => [id, h.get(id)?.population ?? 1000]));
  const allGrids = gridWeights(h.byLevel('grid').map((g) => g.id));
  const gridsOf = new Map(h.byLevel('community').map((c) => [c.id, gridWeights(h.children(c.id).map((g) => g.id))]));
  const communities = h.byLevel('community').length;

  let cursor = deps.startMs;
  let activities = 0;
  let orders = 0;

  function spawnActivity(tc: number, ahead: readonly [number, number] = mix.PLANNED_AHEAD_MINUTES): void {
    if (teams.length === 0) return;
    const team = pick(random, teams);
    const type = pickWeighted(random, mix.ACTIVITY_TYPE_MIX);
    const grids = gridsOf.get(team.communityId) ?? {};
    const gridId = team.regionId !== team.communityId ? team.regionId : Object.keys(grids).length ? pickWeighted(random, grids) : null;
    if (gridId === null) return;
    const id = `${deps.runId}-act-${++activities}`;
    const start = tc + between(random, ahead) * MIN;
    const end = start + between(random, mix.ACTIVITY_MINUTES) * MIN;
    at({ atMs: tc, kind: 'activity', clientId: id, teamId: team.clientId, type, title: pick(random, mix.ACTIVITY_TITLES[type]), gridId, startMs: start, endMs: end });
    const firstIn = start + mix.CHECK_IN_WINDOW_MINUTES[0] * MIN;
    const endAt = end + random() * 10 * MIN;
    const free = team.volunteers.filter((v) => (busyUntil.get(v.clientId) ?? 0) <= firstIn);
    if (random() < mix.CANCEL_SHARE || free.length === 0) {
      // Weather, a clash — or every member of the team is out on another activity.
      at({ atMs: tc + (start - tc) / 2, kind: 'activityTransition', activityId: id, action: 'cancel', actor: team.name, note: free.length ? '天气原因取消' : '人手不足，活动取消' });
      return;
    }
    const want = Math.max(3, poisson(random, mix.PARTICIPANTS_PER_ACTIVITY));
    // A random subset of the free volunteers (partial Fisher–Yates).
    for (let i = 0; i < Math.min(want, free.length); i++) {
      const j = i + Math.floor(random() * (free.length - i));
      [free[i], free[j]] = [free[j], free[i]];
      const v = free[i];
      busyUntil.set(v.clientId, endAt);
      const inAt = start + between(random, mix.CHECK_IN_WINDOW_MINUTES) * MIN;
      at({ atMs: inAt, kind: 'checkIn', activityId: id, clientId: `${id}-in-${i + 1}`, volunteerId: v.clientId });
      if (random() >= mix.FORGET_CHECK_OUT_SHARE) at({ atMs: end - random() * 15 * MIN, kind: 'checkOut', activityId: id, volunteerId: v.clientId });
    }
    const visits = Math.round(mix.VISITS_MEAN[type] * (0.5 + random()));
    at({ atMs: endAt, kind: 'activityTransition', activityId: id, action: 'end', residentVisits: visits, actor: team.name, note: `服务居民${visits}人次` });
  }

  function spawnOrder(t0: number): void {
    const id = `${deps.runId}-ord-${++orders}`;
    const category = pickWeighted(random, mix.CATEGORY_MIX);
    const gridId = pickWeighted(random, allGrids);
    at({ atMs: t0, kind: 'order', clientId: id, category, gridId, description: pick(random, mix.ORDER_TEXTS[category]) });
    const community = '社区工作人员';
    let t = t0 + between(random, mix.DISPATCH_MINUTES) * MIN;
    if (random() < mix.CANCEL_BEFORE_DISPATCH_SHARE) {
      at({ atMs: t, kind: 'stage', orderId: id, stage: 'cancelled', actor: '居民', comment: '问题已自行解决' });
      return;
    }
    const units = mix.PARTNER_UNITS[category];
    let unit = pick(random, units);
    at({ atMs: t, kind: 'stage', orderId: id, stage: 'dispatched', actor: community, partnerUnit: unit });
    if (random() < mix.DECLINE_SHARE) {
      t += between(random, mix.ACCEPT_MINUTES) * MIN;
      at({ atMs: t, kind: 'stage', orderId: id, stage: 'requested', actor: unit, comment: '超出服务能力，退回社区' });
      unit = units.length > 1 ? units[(units.indexOf(unit) + 1) % units.length] : unit;
      t += between(random, [10, 60]) * MIN;
      at({ atMs: t, kind: 'stage', orderId: id, stage: 'dispatched', actor: community, partnerUnit: unit });
    }
    t += between(random, mix.ACCEPT_MINUTES) * MIN;
    if (random() < mix.CANCEL_AFTER_DISPATCH_SHARE / (1 - mix.CANCEL_BEFORE_DISPATCH_SHARE)) {
      at({ atMs: t, kind: 'stage', orderId: id, stage: 'cancelled', actor: community, comment: '暂无共建单位可承接' });
      return;
    }
    at({ atMs: t, kind: 'stage', orderId: id, stage: 'accepted', actor: unit });
    t += between(random, mix.SERVICE_MINUTES[category]) * MIN;
    at({ atMs: t, kind: 'stage', orderId: id, stage: 'done', actor: unit });
    if (random() < mix.RATED_SHARE) {
      t += between(random, mix.RATE_AFTER_MINUTES) * MIN;
      at({ atMs: t, kind: 'stage', orderId: id, stage: 'rated', actor: '居民', rating: Number(pickWeighted(random, mix.RATING_MIX)) });
    }
  }

  /** Activities and orders an hour, at the mean hour and weekday. */
  const activityRate = (teams.length * mix.ACTIVITIES_PER_TEAM_PER_YEAR * scale) / 365 / 24;
  const orderRate = (communities * mix.ORDERS_PER_COMMUNITY_PER_DAY * scale) / 24;

  /** Spawns what starts in [from, to): Poisson counts at the hour's rate, times uniform within. */
  function spawn(from: number, to: number): void {
    const hours = (to - from) / 3600_000;
    const hour = localHour(from);
    const nActs = poisson(random, activityRate * hours * mix.ACTIVITY_HOURLY[hour] * mix.ACTIVITY_WEEKDAY[localWeekday(from)]);
    const nOrders = poisson(random, orderRate * hours * mix.ORDER_HOURLY[hour]);
    const times = (n: number) => Array.from({ length: n }, () => from + random() * (to - from)).sort((a, b) => a - b);
    for (const t of times(nActs)) spawnActivity(t);
    for (const t of times(nOrders)) spawnOrder(t);
  }

  if (deps.warmStart) {
    // A wall started mid-morning should not wait an hour for the first activity: about as many
    // as would be under way at this hour start within minutes, and the orders of the last two hours arrive.
    const hour = localHour(cursor);
    const under = poisson(random, activityRate * mix.ACTIVITY_HOURLY[hour] * mix.ACTIVITY_WEEKDAY[localWeekday(cursor)] * ((mix.ACTIVITY_MINUTES[0] + mix.ACTIVITY_MINUTES[1]) / 2 / 60));
    for (let i = 0; i < under; i++) spawnActivity(cursor, [1, 5]);
    const backlog = poisson(random, orderRate * mix.ORDER_HOURLY[hour] * 2);
    for (let i = 0; i < backlog; i++) spawnOrder(cursor + random() * 5 * MIN);
  }

  return {
    /** Teams (with their volunteers) to register first. */
    teams,
    /** Every action due by simulated time `toMs`, in time order. */
    advance(toMs: number): SimAction[] {
      while (cursor < toMs) {
        const stepEnd = Math.min(cursor + STEP_MS, toMs);
        spawn(cursor, stepEnd);
        cursor = stepEnd;
      }
      const out: SimAction[] = [];
      while (queue.length > 0 && queue.peek()!.action.atMs <= toMs) out.push(queue.pop()!.action);
      return out;
    },
    /** Actions scheduled but not yet due. */
    get pending() {
      return queue.length;
    },
  };
}

export type ActivityScenario = ReturnType<typeof createActivityScenario>;
