import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { buildHierarchy, type Hierarchy } from '../../../shared/geo/hierarchy';
import type { Region } from '../../../shared/geo/region';
import { dayStart } from '../../../shared/time/dayStart';
import { ACTIVITY_TYPE_CODES, type ActivityType } from '../../../shared/volunteers/activityTypes';
import type { VolunteerCounters } from '../../../shared/volunteers/volunteerCounters';
import type { ServiceCardCounters } from '../../../shared/serviceCards/serviceCardCounters';
import { ORDER_STAGES, FUNNEL_STAGES, allowedNextStages, type OrderStage } from '../../../shared/serviceCards/orderStages';
import { SERVICE_CATEGORY_CODES, type ServiceCategory } from '../../../shared/serviceCards/serviceCategories';
import { DEFAULT_POINTS_RULES } from '../../../shared/volunteers/pointsRules';
import type { Participation, Volunteer, VolunteerActivity, VolunteerTeam } from '../../../shared/volunteers/volunteerModel';
import type { ServiceOrder } from '../../../shared/serviceCards/serviceOrder';
import type { GeoContext } from '../../geo/geoContext';
import { seededRandom } from '../../simulator/random';
import { SqliteActivityStore } from '../store/sqlite/sqliteActivityStore';
import type { ActivityCommand, ActivityStore } from '../store/activityStore';
import { ActivityWriter } from '../activityWriter';
import { ActivityCounters } from './activityCounters';

const DAY = 86_400_000;
const MIN = 60_000;
const log = pino({ level: 'silent' });

/** 1 district, 2 streets, 4 communities, 8 grids. */
function tree(): Region[] {
  const out: Region[] = [{ id: 'd', parentId: null, level: 'district', name: 'D' }];
  for (let s = 0; s < 2; s++) {
    out.push({ id: `s${s}`, parentId: 'd', level: 'street', name: `S${s}` });
    for (let c = 0; c < 2; c++) {
      out.push({ id: `s${s}c${c}`, parentId: `s${s}`, level: 'community', name: 'C' });
      for (let g = 0; g < 2; g++) out.push({ id: `s${s}c${c}g${g}`, parentId: `s${s}c${c}`, level: 'grid', name: 'G' });
    }
  }
  return out;
}

const geoOf = (h: Hierarchy) => ({ current: { hierarchy: h, gridIndex: { assign: () => null } } }) as unknown as GeoContext;

interface Everything {
  teams: VolunteerTeam[];
  volunteers: Volunteer[];
  activities: VolunteerActivity[];
  participations: Participation[];
  orders: ServiceOrder[];
}

async function everything(store: ActivityStore): Promise<Everything> {
  const all: Everything = { teams: [], volunteers: [], activities: [], participations: [], orders: [] };
  await store.forEachEntity((e) => {
    if (e.kind === 'team') all.teams.push(e.value);
    else if (e.kind === 'volunteer') all.volunteers.push(e.value);
    else if (e.kind === 'activity') all.activities.push(e.value);
    else if (e.kind === 'participation') all.participations.push(e.value);
    else all.orders.push(e.value);
  });
  return all;
}

/**
 * The volunteer counters of one region counted from scratch, written independently of the
 * incremental rules: each figure as its own filter over the stored records.
 */
function recountVolunteer(h: Hierarchy, regionId: string, all: Everything, nowMs: number): VolunteerCounters {
  const today = dayStart(nowMs);
  const inside = (id: string) => h.path(id).includes(regionId);
  const t = (s: string | null) => (s === null ? null : Date.parse(s));
  const onDay = (ms: number | null, daysAgo: number) => ms !== null && ms >= today - daysAgo * DAY && ms < today - (daysAgo - 1) * DAY;
  const acts = all.activities.filter((a) => inside(a.gridId));
  const ended = acts.filter((a) => a.status === 'ended');
  const ps = all.participations.filter((p) => inside(p.gridId));
  const out = ps.filter((p) => p.checkOutAt !== null);
  const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);
  const byType: Partial<Record<ActivityType, number>> = {};
  for (const a of acts) if (onDay(t(a.startedAt), 0)) byType[a.type] = (byType[a.type] ?? 0) + 1;
  const days = [6, 5, 4, 3, 2, 1, 0];
  return {
    teams: all.teams.filter((x) => inside(x.regionId)).length,
    volunteers: all.volunteers.filter((x) => inside(x.regionId)).length,
    activitiesPlanned: acts.filter((a) => a.status === 'planned').length,
    activitiesOngoing: acts.filter((a) => a.status === 'ongoing').length,
    activitiesToday: acts.filter((a) => onDay(t(a.startedAt), 0)).length,
    activitiesTotal: acts.filter((a) => a.startedAt !== null).length,
    activitiesTodayByType: byType,
    volunteersActive: ps.filter((p) => p.checkOutAt === null).length,
    checkInsToday: ps.filter((p) => onDay(t(p.checkInAt), 0)).length,
    residentVisitsToday: sum(ended.filter((a) => onDay(t(a.endedAt), 0)), (a) => a.residentVisits),
    residentVisitsTotal: sum(ended, (a) => a.residentVisits),
    serviceMsToday: sum(out.filter((p) => onDay(t(p.checkOutAt), 0)), (p) => p.creditedMs),
    serviceMsTotal: sum(out, (p) => p.creditedMs),
    pointsToday: sum(out.filter((p) => onDay(t(p.checkOutAt), 0)), (p) => p.points),
    pointsTotal: sum(out, (p) => p.points),
    activitiesByDay: days.map((d) => acts.filter((a) => onDay(t(a.startedAt), d)).length),
    residentVisitsByDay: days.map((d) => sum(ended.filter((a) => onDay(t(a.endedAt), d)), (a) => a.residentVisits)),
    serviceMsByDay: days.map((d) => sum(out.filter((p) => onDay(t(p.checkOutAt), d)), (p) => p.creditedMs)),
  };
}

function recountServiceCard(h: Hierarchy, regionId: string, all: Everything, nowMs: number): ServiceCardCounters {
  const today = dayStart(nowMs);
  const os = all.orders.filter((o) => h.path(o.gridId).includes(regionId));
  const isToday = (s: string | null) => s !== null && Date.parse(s) >= today;
  const placedToday = os.filter((o) => isToday(o.requestedAt));
  const accepted = os.filter((o) => o.acceptedAt !== null);
  const acceptedToday = accepted.filter((o) => isToday(o.acceptedAt));
  const wait = (o: ServiceOrder) => Date.parse(o.acceptedAt!) - Date.parse(o.requestedAt);
  const rated = os.filter((o) => o.rating !== null);
  const ratedToday = rated.filter((o) => isToday(o.ratedAt));
  const reached = (xs: ServiceOrder[]) => ({
    requested: xs.length,
    dispatched: xs.filter((o) => o.dispatchedAt !== null).length,
    accepted: xs.filter((o) => o.acceptedAt !== null).length,
    done: xs.filter((o) => o.doneAt !== null).length,
    rated: xs.filter((o) => o.ratedAt !== null).length,
  });
  const byCategory: Partial<Record<ServiceCategory, number>> = {};
  for (const o of placedToday) byCategory[o.category] = (byCategory[o.category] ?? 0) + 1;
  return {
    total: os.length,
    today: placedToday.length,
    open: os.filter((o) => ['requested', 'dispatched', 'accepted'].includes(o.stage)).length,
    atStage: Object.fromEntries(ORDER_STAGES.map((s) => [s, os.filter((o) => o.stage === s).length])) as ServiceCardCounters['atStage'],
    reached: reached(os),
    reachedToday: reached(placedToday),
    todayByCategory: byCategory,
    acceptedCount: accepted.length,
    acceptanceMsSum: accepted.reduce((s, o) => s + wait(o), 0),
    acceptedToday: acceptedToday.length,
    acceptanceMsSumToday: acceptedToday.reduce((s, o) => s + wait(o), 0),
    ratingCount: rated.length,
    ratingSum: rated.reduce((s, o) => s + o.rating!, 0),
    ratingsByScore: [1, 2, 3, 4, 5].map((r) => rated.filter((o) => o.rating === r).length) as ServiceCardCounters['ratingsByScore'],
    ratedToday: ratedToday.length,
    ratingSumToday: ratedToday.reduce((s, o) => s + o.rating!, 0),
  };
}

describe('ActivityCounters', () => {
  it('after thousands of random operations over eight days equals a recount from the store, at every level; so does a rebuild', async () => {
    const h = buildHierarchy(tree());
    const geo = geoOf(h);
    let now = Date.parse('2026-11-22T00:30:00Z');
    const store = new SqliteActivityStore(':memory:');
    await store.migrate();
    let writer: ActivityWriter | null = null;
    const counters = new ActivityCounters({ geo, store, now: () => now, log, exclusive: (fn) => writer!.exclusive(fn) });
    writer = new ActivityWriter({ store, counters });
    const random = seededRandom(8);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    const grids = h.byLevel('grid').map((r) => r.id);
    const teamPlaces = [...h.byLevel('community'), ...h.byLevel('grid')].map((r) => r.id);
    const ids = { t: 0, v: 0, a: 0, c: 0, o: 0 };
    const outcomes = new Map<string, number>();
    const stageOf = new Map<string, OrderStage>();
    const rules = DEFAULT_POINTS_RULES;

    const end = now + 8 * DAY;
    while (now < end) {
      now += Math.floor(random() * 3 * MIN);
      const r = random();
      let cmd: ActivityCommand;
      if (r < 0.03 || ids.t === 0) cmd = { type: 'registerTeam', id: `t${++ids.t}`, name: '队', regionId: pick(teamPlaces), atMs: now };
      else if (r < 0.1 || ids.v === 0) cmd = { type: 'registerVolunteer', id: `v${++ids.v}`, teamId: `t${1 + Math.floor(random() * (ids.t + 1))}`, name: '志愿者', atMs: now };
      else if (r < 0.2 || ids.a === 0)
        cmd = {
          type: 'createActivity',
          id: `a${++ids.a}`,
          teamId: `t${1 + Math.floor(random() * ids.t)}`,
          activityType: pick(ACTIVITY_TYPE_CODES),
          title: '活动',
          description: '',
          gridId: pick(grids),
          lon: null,
          lat: null,
          plannedStartMs: now + 3600_000,
          plannedEndMs: now + 3 * 3600_000,
          atMs: now,
          actor: 'test',
        };
      else if (r < 0.45) cmd = { type: 'checkIn', id: `c${++ids.c}`, activityId: `a${1 + Math.floor(random() * ids.a)}`, volunteerId: `v${1 + Math.floor(random() * ids.v)}`, atMs: now - Math.floor(random() * 30 * MIN), actor: 'test' };
      else if (r < 0.6) cmd = { type: 'checkOut', activityId: `a${1 + Math.floor(random() * ids.a)}`, volunteerId: `v${1 + Math.floor(random() * ids.v)}`, atMs: now, actor: 'test', rules };
      else if (r < 0.68)
        cmd = {
          type: 'activityAction',
          activityId: `a${1 + Math.floor(random() * ids.a)}`,
          action: pick(['start', 'end', 'end', 'cancel'] as const),
          actor: 'test',
          note: '',
          residentVisits: Math.floor(random() * 100),
          atMs: now,
          rules,
        };
      else if (r < 0.8 || ids.o === 0)
        cmd = { type: 'createOrder', id: `o${++ids.o}`, category: pick(SERVICE_CATEGORY_CODES), gridId: pick(grids), lon: null, lat: null, description: '', requestedAtMs: now - Math.floor(random() * 10 * MIN), actor: 'test' };
      else {
        // Mostly a stage the order may move to (so orders get rated), sometimes any (refusals).
        const orderId = `o${1 + Math.floor(random() * ids.o)}`;
        const next = allowedNextStages(stageOf.get(orderId) ?? 'requested');
        const stage = next.length && random() < 0.75 ? pick(next) : pick(ORDER_STAGES);
        cmd = {
          type: 'orderStage',
          orderId,
          stage,
          actor: 'test',
          partnerUnit: stage === 'dispatched' ? pick(['甲', '乙']) : null,
          rating: stage === 'rated' ? 1 + Math.floor(random() * 5) : null,
          comment: '',
          atMs: now,
        };
      }
      const o = await writer.submit(cmd);
      outcomes.set(o.type, (outcomes.get(o.type) ?? 0) + 1);
      if ('entity' in o && o.entity.kind === 'order') stageOf.set(o.entity.value.id, o.entity.value.stage);
    }
    await writer.drain();
    // The run exercised every kind of outcome, not just the happy path.
    expect([...outcomes.keys()].sort()).toEqual(['changed', 'created', 'duplicate', 'not_found', 'refused']);

    const all = await everything(store);
    expect(all.participations.length).toBeGreaterThan(100);
    expect(all.orders.filter((o) => o.stage === 'rated').length).toBeGreaterThan(5);
    for (const region of h.all()) {
      expect(counters.volunteer.get(region.id), `volunteer ${region.id}`).toEqual(recountVolunteer(h, region.id, all, now));
      expect(counters.serviceCard.get(region.id), `serviceCard ${region.id}`).toEqual(recountServiceCard(h, region.id, all, now));
    }
    // Something counted today and something a few days back, so the day series were exercised.
    expect(counters.volunteer.get('d').activitiesByDay.filter((n) => n > 0).length).toBeGreaterThanOrEqual(4);
    expect(counters.serviceCard.get('d').reachedToday.requested).toBeGreaterThan(0);

    const rebuilt = new ActivityCounters({ geo, store, now: () => now, log, exclusive: (fn) => fn() });
    await rebuilt.rebuild();
    for (const region of h.all()) {
      expect(rebuilt.volunteer.get(region.id)).toEqual(counters.volunteer.get(region.id));
      expect(rebuilt.serviceCard.get(region.id)).toEqual(counters.serviceCard.get(region.id));
    }
    await store.close();
  });

  it('touches only the record’s region and its ancestors, and reports exactly those as dirty', async () => {
    const h = buildHierarchy(tree());
    const store = new SqliteActivityStore(':memory:');
    await store.migrate();
    const counters = new ActivityCounters({ geo: geoOf(h), store, now: () => Date.parse('2026-11-25T06:00:00Z'), log, exclusive: (fn) => fn() });
    const [volunteer, serviceCard] = counters.panels();
    expect(volunteer.name).toBe('volunteer');
    expect(serviceCard.name).toBe('serviceCard');
    expect(volunteer.takeDirty().size).toBe(15); // a fresh count is news for every region
    serviceCard.takeDirty();
    const writer = new ActivityWriter({ store, counters });
    await writer.submit({ type: 'registerTeam', id: 't', name: '队', regionId: 's1c0', atMs: 0 });
    expect([...volunteer.takeDirty()].sort()).toEqual(['d', 's1', 's1c0']);
    await writer.submit({ type: 'createOrder', id: 'o', category: 'meal', gridId: 's0c1g1', lon: null, lat: null, description: '', requestedAtMs: 0, actor: 'x' });
    expect([...serviceCard.takeDirty()].sort()).toEqual(['d', 's0', 's0c1', 's0c1g1']);
    expect(volunteer.takeDirty().size).toBe(0);
    expect((volunteer.get('s1c0') as VolunteerCounters).teams).toBe(1);
    expect((volunteer.get('s1c0g0') as VolunteerCounters).teams).toBe(0);
    await store.close();
  });

  it('starts the day again at local midnight, on both sides of it', async () => {
    const h = buildHierarchy(tree());
    const store = new SqliteActivityStore(':memory:');
    await store.migrate();
    let now = Date.parse('2026-11-25T15:59:59.999Z'); // 23:59:59.999 in China
    const counters = new ActivityCounters({ geo: geoOf(h), store, now: () => now, log, exclusive: (fn) => fn() });
    const writer = new ActivityWriter({ store, counters });
    await writer.submit({ type: 'createOrder', id: 'o', category: 'meal', gridId: 's0c0g0', lon: null, lat: null, description: '', requestedAtMs: now - 1000, actor: 'x' });
    const [, serviceCard] = counters.panels();
    serviceCard.takeDirty();
    expect(counters.serviceCard.get('d')).toMatchObject({ today: 1, total: 1 });
    expect(serviceCard.takeDirty().size).toBe(0);
    now += 1;
    expect(serviceCard.takeDirty().size).toBe(15); // every region changed at midnight
    expect(counters.serviceCard.get('d')).toMatchObject({ today: 0, total: 1, open: 1, todayByCategory: {} });
    await store.close();
  });

  it('rebuilds for a re-imported geography on the next tick, with writes held; records of a removed grid count by location', async () => {
    const regions = tree();
    const h1 = buildHierarchy(regions);
    const h2 = buildHierarchy(regions.filter((r) => r.id !== 's0c0g1'));
    const geo = geoOf(h1);
    const store = new SqliteActivityStore(':memory:');
    await store.migrate();
    let writer: ActivityWriter | null = null;
    const counters = new ActivityCounters({ geo, store, now: () => Date.parse('2026-11-25T06:00:00Z'), log, exclusive: (fn) => writer!.exclusive(fn) });
    writer = new ActivityWriter({ store, counters });
    await writer.submit({ type: 'createOrder', id: 'o1', category: 'meal', gridId: 's0c0g1', lon: 1, lat: 1, description: '', requestedAtMs: 0, actor: 'x' });
    await writer.submit({ type: 'createOrder', id: 'o2', category: 'meal', gridId: 's0c0g1', lon: null, lat: null, description: '', requestedAtMs: 0, actor: 'x' });
    expect(counters.serviceCard.get('s0c0g1').total).toBe(2);
    geo.current = { hierarchy: h2, gridIndex: { assign: (lon: number) => (lon === 1 ? 's1c1g1' : null) } } as unknown as GeoContext['current'];
    const [, serviceCard] = counters.panels();
    serviceCard.takeDirty();
    await writer.exclusive(async () => undefined); // the rebuild queued by the tick has run
    expect(counters.serviceCard.get('s1c1g1').total).toBe(1);
    expect(counters.serviceCard.get('d').total).toBe(1);
    expect(counters.serviceCard.unplaced).toBe(1);
    expect(counters.serviceCard.get('s0c0g1')).toEqual(counters.serviceCard.get('no-such-region')); // empty
    await store.close();
  });

  it('counts what another process stores in the shared store, whether it comes between its own batches or by catching up', async () => {
    const h = buildHierarchy(tree());
    const geo = geoOf(h);
    const dir = mkdtempSync(join(tmpdir(), 'gp-two-processes-'));
    let now = Date.parse('2026-11-25T01:00:00Z');
    // Two stores on one file stand for two processes sharing one database: one sequence.
    const open = async () => {
      const store = new SqliteActivityStore(dir);
      await store.migrate();
      let writer: ActivityWriter | null = null;
      const counters = new ActivityCounters({ geo, store, now: () => now, log, exclusive: (fn) => writer!.exclusive(fn) });
      await counters.rebuild();
      writer = new ActivityWriter({ store, counters });
      return { store, counters, writer };
    };
    const a = await open();
    const b = await open();
    const random = seededRandom(5);
    const grids = h.byLevel('grid').map((r) => r.id);
    await a.writer.submit({ type: 'registerTeam', id: 't', name: '队', regionId: 's0c0', atMs: now });
    for (let i = 0; i < 30; i++) await b.writer.submit({ type: 'registerVolunteer', id: `v${i}`, teamId: 't', name: '志愿者', atMs: now });
    for (let i = 0; i < 600; i++) {
      now += Math.floor(random() * 5 * MIN);
      const p = random() < 0.5 ? a : b;
      const r = random();
      const act = `a${Math.floor(random() * 20)}`;
      const cmd: ActivityCommand =
        r < 0.15
          ? { type: 'createActivity', id: act, teamId: 't', activityType: 'sanitation', title: '活动', description: '', gridId: grids[Math.floor(random() * grids.length)], lon: null, lat: null, plannedStartMs: now, plannedEndMs: now + 3600_000, atMs: now, actor: 'x' }
          : r < 0.5
            ? { type: 'checkIn', id: `c${i}`, activityId: act, volunteerId: `v${Math.floor(random() * 30)}`, atMs: now, actor: 'x' }
            : r < 0.75
              ? { type: 'checkOut', activityId: act, volunteerId: `v${Math.floor(random() * 30)}`, atMs: now, actor: 'x', rules: DEFAULT_POINTS_RULES }
              : r < 0.8
                ? { type: 'activityAction', activityId: act, action: 'end', actor: 'x', note: '', residentVisits: 10, atMs: now, rules: DEFAULT_POINTS_RULES }
                : r < 0.9
                  ? { type: 'createOrder', id: `o${i}`, category: 'meal', gridId: grids[Math.floor(random() * grids.length)], lon: null, lat: null, description: '', requestedAtMs: now, actor: 'x' }
                  : { type: 'orderStage', orderId: `o${i - 1 - Math.floor(random() * 5)}`, stage: 'dispatched', actor: 'x', partnerUnit: '甲', rating: null, comment: '', atMs: now };
      await p.writer.submit(cmd);
    }
    for (const p of [a, b]) await p.writer.catchUp();
    const all = await everything(a.store);
    expect(all.participations.length).toBeGreaterThan(30);
    for (const p of [a, b]) {
      expect(p.counters.appliedSeq).toBe(await a.store.latestSeq());
      for (const region of h.all()) {
        expect(p.counters.volunteer.get(region.id), region.id).toEqual(recountVolunteer(h, region.id, all, now));
        expect(p.counters.serviceCard.get(region.id), region.id).toEqual(recountServiceCard(h, region.id, all, now));
      }
    }
    // It remembers only the work in hand, not the history.
    expect(a.counters.openRecords).toBeLessThan(all.activities.length + all.participations.length + all.orders.length);
    await a.store.close();
    await b.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts the funnel stages in order', () => {
    expect(FUNNEL_STAGES).toEqual(['requested', 'dispatched', 'accepted', 'done', 'rated']);
  });
});
