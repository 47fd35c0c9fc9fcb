import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildHierarchy, type Hierarchy } from '../../../shared/geo/hierarchy';
import type { GeographyCollection } from '../../../shared/geo/region';
import { CHINA_UTC_OFFSET_MS } from '../../../shared/time/dayStart';
import { DEFAULT_POINTS_RULES } from '../../../shared/volunteers/pointsRules';
import { ACTIVITY_TYPE_CODES } from '../../../shared/volunteers/activityTypes';
import { SERVICE_CATEGORY_CODES } from '../../../shared/serviceCards/serviceCategories';
import { DEMO_GEOGRAPHY } from '../../geo/geographyPath';
import { seededRandom } from '../../simulator/random';
import { SqliteActivityStore } from '../store/sqlite/sqliteActivityStore';
import type { ActivityCommand, ActivityOutcome } from '../store/activityStore';
import { createActivityScenario, type SimAction } from './activityScenario';
import * as mix from './activityMix';

const MIN = 60_000;
const DAY = 86_400_000;
/** Monday 23 November 2026, local midnight. */
const START = Date.parse('2026-11-23T00:00:00+08:00');
const SCALE = 10;

/** The demo district's tree (79 communities, 700 grids), from the shipped geography. */
function demoHierarchy(): Hierarchy {
  const geo = JSON.parse(readFileSync(DEMO_GEOGRAPHY, 'utf8')) as GeographyCollection;
  return buildHierarchy(geo.features.map((f) => f.properties));
}

/** The store command a simulated action becomes (its simulated time as the time stamp). */
function toCommand(a: SimAction): ActivityCommand {
  const rules = DEFAULT_POINTS_RULES;
  switch (a.kind) {
    case 'activity':
      return { type: 'createActivity', id: a.clientId, teamId: a.teamId, activityType: a.type, title: a.title, description: '', gridId: a.gridId, lon: null, lat: null, plannedStartMs: a.startMs, plannedEndMs: a.endMs, atMs: a.atMs, actor: 'sim' };
    case 'checkIn':
      return { type: 'checkIn', id: a.clientId, activityId: a.activityId, volunteerId: a.volunteerId, atMs: a.atMs, actor: 'sim' };
    case 'checkOut':
      return { type: 'checkOut', activityId: a.activityId, volunteerId: a.volunteerId, atMs: a.atMs, actor: 'sim', rules };
    case 'activityTransition':
      return { type: 'activityAction', activityId: a.activityId, action: a.action, actor: a.actor, note: a.note, residentVisits: a.residentVisits, atMs: a.atMs, rules };
    case 'order':
      return { type: 'createOrder', id: a.clientId, category: a.category, gridId: a.gridId, lon: null, lat: null, description: a.description, requestedAtMs: a.atMs, actor: 'sim' };
    case 'stage':
      return { type: 'orderStage', orderId: a.orderId, stage: a.stage, actor: a.actor, partnerUnit: a.partnerUnit ?? null, rating: a.rating ?? null, comment: a.comment ?? '', atMs: a.atMs };
  }
}

/** Runs the pure scenario with a fake clock (10-minute ticks, no timers) from START to START + `days`. */
function run(seed: number, days: number, scale = SCALE) {
  const h = demoHierarchy();
  const scenario = createActivityScenario({ hierarchy: h, random: seededRandom(seed), scale, runId: 'wk', startMs: START });
  const actions: SimAction[] = [];
  for (let t = START; t <= START + days * DAY; t += 10 * MIN) actions.push(...scenario.advance(t));
  return { h, scenario, actions };
}

const share = (n: number, of: number) => (of === 0 ? 0 : n / of);
const count = <T>(xs: readonly T[], f: (x: T) => boolean) => xs.filter(f).length;

describe('activity scenario over a simulated week (demo district, scale 10, seed 2026)', () => {
  // Ten days, so that orders placed in the first four have finished their course.
  const { h, scenario, actions } = run(2026, 10);
  const week = actions.filter((a) => a.atMs < START + 7 * DAY);
  const communities = h.byLevel('community').length;
  const created = week.filter((a): a is Extract<SimAction, { kind: 'activity' }> => a.kind === 'activity');
  const cancelledIds = new Set(actions.filter((a) => a.kind === 'activityTransition' && a.action === 'cancel').map((a) => (a as { activityId: string }).activityId));
  const held = created.filter((a) => !cancelledIds.has(a.clientId));
  const ends = actions.filter((a): a is Extract<SimAction, { kind: 'activityTransition' }> => a.kind === 'activityTransition' && a.action === 'end');
  const heldIds = new Set(held.map((a) => a.clientId));
  const checkIns = actions.filter((a): a is Extract<SimAction, { kind: 'checkIn' }> => a.kind === 'checkIn' && heldIds.has(a.activityId));
  const checkOuts = actions.filter((a) => a.kind === 'checkOut' && heldIds.has((a as { activityId: string }).activityId));
  const orders = week.filter((a): a is Extract<SimAction, { kind: 'order' }> => a.kind === 'order');

  it('registers about 80/152 teams a community (Liupanshui), each of 20–40 volunteers', () => {
    expect(share(scenario.teams.length, communities)).toBeGreaterThan(0.4);
    expect(share(scenario.teams.length, communities)).toBeLessThan(0.66);
    for (const t of scenario.teams) {
      expect(t.volunteers.length).toBeGreaterThanOrEqual(20);
      expect(t.volunteers.length).toBeLessThanOrEqual(40);
      expect(['community', 'grid']).toContain(h.get(t.regionId)!.level);
    }
  });

  it('holds activities at 2,300/80 a team a year × scale (±12 %), more on weekends, none at night', () => {
    const expected = (scenario.teams.length * mix.ACTIVITIES_PER_TEAM_PER_YEAR * SCALE * 7) / 365;
    expect(created.length / expected).toBeGreaterThan(0.88);
    expect(created.length / expected).toBeLessThan(1.12);
    const weekday = (ms: number) => (new Date(ms + CHINA_UTC_OFFSET_MS).getUTCDay() + 6) % 7;
    const weekendPerDay = count(created, (a) => weekday(a.startMs) >= 5) / 2;
    const weekdayPerDay = count(created, (a) => weekday(a.startMs) < 5) / 5;
    expect(weekendPerDay / weekdayPerDay).toBeGreaterThan(1.1);
    const hour = (ms: number) => new Date(ms + CHINA_UTC_OFFSET_MS).getUTCHours();
    expect(count(created, (a) => hour(a.atMs) >= 22 || hour(a.atMs) < 6)).toBe(0);
  });

  it('keeps the type mix within ±7 points of activityMix (elderly + child care ≈ 21 %, Liupanshui 480/2,300)', () => {
    for (const t of ACTIVITY_TYPE_CODES) expect(Math.abs(share(count(created, (a) => a.type === t), created.length) * 100 - mix.ACTIVITY_TYPE_MIX[t]), t).toBeLessThan(7);
    const care = share(count(created, (a) => a.type === 'elderly_care' || a.type === 'child_care'), created.length);
    expect(Math.abs(care - 480 / 2300)).toBeLessThan(0.07);
    expect(Math.abs(share(cancelledIds.size, created.length) - mix.CANCEL_SHARE)).toBeLessThan(0.03);
  });

  it('has ~15 volunteers take part in an activity (Yuyang 15,158/1,009, ±1.5) and ~56 resident-visits served (Liupanshui 128,000/2,300, ±10 %)', () => {
    const participants = checkIns.length / held.length;
    expect(Math.abs(participants - mix.PARTICIPANTS_PER_ACTIVITY)).toBeLessThan(1.5);
    const heldEnds = ends.filter((e) => heldIds.has(e.activityId));
    const visits = heldEnds.reduce((s, e) => s + e.residentVisits!, 0) / heldEnds.length;
    expect(Math.abs(visits / mix.RESIDENT_VISITS_PER_ACTIVITY - 1)).toBeLessThan(0.1);
    expect(Math.abs(1 - checkOuts.length / checkIns.length - mix.FORGET_CHECK_OUT_SHARE)).toBeLessThan(0.04);
  });

  it('places orders at ≈ 0.92 a community a day × scale (Jianshe street, ±8 %) in the nine kinds’ mix (±3 points)', () => {
    const perCommunityDay = orders.length / communities / 7;
    expect(Math.abs(perCommunityDay / (mix.ORDERS_PER_COMMUNITY_PER_DAY * SCALE) - 1)).toBeLessThan(0.08);
    for (const c of SERVICE_CATEGORY_CODES) expect(Math.abs(share(count(orders, (o) => o.category === c), orders.length) * 100 - mix.CATEGORY_MIX[c]), c).toBeLessThan(3);
  });

  it('completes ≈ 84 % of orders (Liupanshui 460/550, ±3 points); 65 % of those rated (±4), mean rating 4.62 (±0.08)', () => {
    const early = new Set(actions.filter((a) => a.kind === 'order' && a.atMs < START + 4 * DAY).map((a) => (a as { clientId: string }).clientId));
    const stages = actions.filter((a): a is Extract<SimAction, { kind: 'stage' }> => a.kind === 'stage' && early.has(a.orderId));
    const done = count(stages, (s) => s.stage === 'done');
    const rated = stages.filter((s) => s.stage === 'rated');
    expect(Math.abs(share(done, early.size) - mix.DONE_SHARE)).toBeLessThan(0.03);
    expect(Math.abs(share(rated.length, done) - mix.RATED_SHARE)).toBeLessThan(0.04);
    expect(Math.abs(rated.reduce((s, r) => s + r.rating!, 0) / rated.length - 4.62)).toBeLessThan(0.08);
    const dispatched = new Set(stages.filter((s) => s.stage === 'dispatched').map((s) => s.orderId)).size;
    expect(Math.abs(share(count(stages, (s) => s.stage === 'requested'), dispatched) - mix.DECLINE_SHARE)).toBeLessThan(0.025);
  });

  it('is a stream the store accepts: every action through the store’s rules, nothing refused', async () => {
    const store = new SqliteActivityStore(':memory:');
    await store.migrate();
    const setup: ActivityCommand[] = [];
    for (const t of scenario.teams) {
      setup.push({ type: 'registerTeam', id: t.clientId, name: t.name, regionId: t.regionId, atMs: START });
      for (const v of t.volunteers) setup.push({ type: 'registerVolunteer', id: v.clientId, teamId: t.clientId, name: v.name, atMs: START });
    }
    const outcomes: ActivityOutcome[] = [];
    for (const cmds of [setup, actions.map(toCommand)]) for (let i = 0; i < cmds.length; i += 300) outcomes.push(...(await store.apply(cmds.slice(i, i + 300))));
    const bad = outcomes.filter((o) => o.type === 'refused' || o.type === 'not_found');
    expect(bad.slice(0, 3)).toEqual([]);
    expect(count(outcomes, (o) => o.type === 'duplicate')).toBe(0);
    await store.close();
  });

  it('with a warm start, has volunteers checking in within minutes of a mid-morning start', () => {
    const at10 = START + 10 * 3600_000;
    const warm = createActivityScenario({ hierarchy: h, random: seededRandom(1), scale: SCALE, runId: 'warm', startMs: at10, warmStart: true });
    const first = warm.advance(at10 + 10 * MIN);
    expect(count(first, (a) => a.kind === 'checkIn')).toBeGreaterThan(10);
    expect(count(first, (a) => a.kind === 'order')).toBeGreaterThan(50);
    const cold = createActivityScenario({ hierarchy: h, random: seededRandom(1), scale: SCALE, runId: 'cold', startMs: at10 });
    expect(count(cold.advance(at10 + 10 * MIN), (a) => a.kind === 'checkIn')).toBe(0);
  });

  it('is reproducible from its seed', () => {
    const again = run(2026, 1);
    const other = run(2027, 1);
    const first = (xs: SimAction[]) => xs.filter((a) => a.atMs < START + DAY);
    expect(first(again.actions)).toEqual(first(actions));
    expect(other.actions).not.toEqual(first(actions));
  });
});
