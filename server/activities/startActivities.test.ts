import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadGeography } from '../geo/loadGeography';
import { DEMO_GEOGRAPHY } from '../geo/geographyPath';
import type { GeoContext } from '../geo/geoContext';
import { VolunteerApiPath, regionActivitiesPath } from '../../shared/volunteers/volunteerApi';
import { ServiceCardApiPath } from '../../shared/serviceCards/serviceCardApi';
import { startActivities, type Activities } from './startActivities';

const MIN = 60_000;
let now = Date.parse('2026-11-25T02:00:00Z'); // 10:00 in China
let base = '';
let http: Server;
let activities: Activities;
let dir: string;
let grid: string;
let community: string;
let street: string;
const geo: GeoContext = { current: loadGeography(DEMO_GEOGRAPHY) };

const post = (path: string, body: unknown) => fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const get = async (path: string) => (await fetch(base + path)).json() as Promise<any>;
const at = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gp-activities-api-'));
  const h = geo.current.hierarchy;
  grid = h.byLevel('grid')[3].id;
  community = h.get(grid)!.parentId!;
  street = h.get(community)!.parentId!;
  activities = await startActivities({
    config: { dataDir: dir, databaseUrl: null, databaseSchema: null, simulator: false, simulatorSeed: 1, simulatorSpeed: 1, maxBodyBytes: 65536 },
    log: pino({ level: 'silent' }),
    geo,
    now: () => now,
    env: {},
  });
  const app = express();
  app.use('/api', activities.router);
  http = app.listen(0, '127.0.0.1');
  await new Promise((r) => http.once('listening', r));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => http?.close(r));
  await activities?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the volunteer and service-card API', () => {
  it('registers teams at a community or a grid only, naming the field otherwise', async () => {
    expect((await post(VolunteerApiPath.teams, { clientId: 'team-1', name: '巡逻队', regionId: community })).status).toBe(201);
    expect((await post(VolunteerApiPath.teams, { clientId: 'team-2', name: '楼栋队', regionId: grid })).status).toBe(201);
    const atStreet = await post(VolunteerApiPath.teams, { clientId: 'team-3', name: '街道队', regionId: street });
    expect(atStreet.status).toBe(400);
    expect(await atStreet.json()).toMatchObject({ issues: [{ field: 'regionId', message: 'a community (12 digits) or grid (15 digits) id' }] });
    const unknown = await post(VolunteerApiPath.teams, { clientId: 'team-3', name: '队', regionId: '150602999999' });
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toMatchObject({ error: 'unknown_place', issues: [{ field: 'regionId', message: 'unknown region 150602999999' }] });
    const unknownTeam = await post(VolunteerApiPath.volunteers, { clientId: 'v-x', name: '李师傅', teamId: 'nope' });
    expect(unknownTeam.status).toBe(422);
    expect((await unknownTeam.json()).issues).toEqual([{ field: 'teamId', message: 'unknown team nope' }]);
    for (let i = 1; i <= 3; i++) expect((await post(VolunteerApiPath.volunteers, { clientId: `v-${i}`, name: `志愿者${i}`, teamId: 'team-1' })).status).toBe(201);
    const teams = await get(`${VolunteerApiPath.teams}?regionId=${street}`);
    expect(teams.teams.map((t: { id: string }) => t.id)).toEqual(['team-2', 'team-1']);
  });

  it('runs an activity: explicit start, check-ins, a check-out at a given time, points, the end', async () => {
    await post(VolunteerApiPath.activities, { clientId: 'act-1', teamId: 'team-1', type: 'elderly_care', title: '为老人理发', gridId: grid, startAt: at(now), endAt: at(now + 120 * MIN) });
    const start = await post(`${VolunteerApiPath.activities}/act-1/transitions`, { action: 'start', actor: '队长', expectedStatus: 'planned' });
    expect(start.status).toBe(200);
    expect((await start.json()).activity).toMatchObject({ status: 'ongoing', startedAt: at(now) });
    expect((await post(`${VolunteerApiPath.activities}/act-1/check-ins`, { clientId: 'in-1', volunteerId: 'v-1', at: at(now) })).status).toBe(201);
    expect((await post(`${VolunteerApiPath.activities}/act-1/check-ins`, { clientId: 'in-2', volunteerId: 'v-2' })).status).toBe(201);
    // A client clock a little ahead counts as now; far ahead is refused.
    const ahead = await post(`${VolunteerApiPath.activities}/act-1/check-ins`, { clientId: 'in-3', volunteerId: 'v-3', at: at(now + 3 * MIN) });
    expect((await ahead.json()).participation.checkInAt).toBe(at(now));
    const future = await post(`${VolunteerApiPath.activities}/act-1/check-outs`, { volunteerId: 'v-3', at: at(now + 10 * MIN) });
    expect(future.status).toBe(400);
    expect((await future.json()).issues).toEqual([{ field: 'at', message: 'is in the future' }]);

    now += 90 * MIN;
    const early = await post(`${VolunteerApiPath.activities}/act-1/check-outs`, { volunteerId: 'v-1', at: at(now - 100 * MIN) });
    expect(early.status).toBe(422);
    expect((await early.json()).error).toBe('invalid_time');
    const out = await post(`${VolunteerApiPath.activities}/act-1/check-outs`, { volunteerId: 'v-1', at: at(now - 30 * MIN) });
    expect(out.status).toBe(200);
    expect((await out.json()).participation).toMatchObject({ creditedMs: 60 * MIN, points: 10 });
    const again = await post(`${VolunteerApiPath.activities}/act-1/check-outs`, { volunteerId: 'v-1' });
    expect(again.status).toBe(200);
    expect((await again.json()).duplicate).toBe(true);

    const busy = await post(VolunteerApiPath.activities, { clientId: 'act-2', teamId: 'team-2', type: 'sanitation', title: '清理楼道', gridId: grid, startAt: at(now), endAt: at(now + 60 * MIN) });
    expect(busy.status).toBe(201);
    const clash = await post(`${VolunteerApiPath.activities}/act-2/check-ins`, { clientId: 'in-9', volunteerId: 'v-2' });
    expect(clash.status).toBe(409);
    expect(await clash.json()).toMatchObject({ error: 'volunteer_busy', allowed: ['check-out'], participation: { id: 'in-2', activityId: 'act-1' } });

    const end = await post(`${VolunteerApiPath.activities}/act-1/transitions`, { action: 'end', actor: '队长', residentVisits: 23 });
    expect(end.status).toBe(200);
    const { activity, participations } = await get(`${VolunteerApiPath.activities}/act-1`);
    expect(activity).toMatchObject({ status: 'ended', residentVisits: 23, participants: 3, checkedIn: 0 });
    expect(participations.map((p: { points: number }) => p.points)).toEqual([10, 15, 15]);
    const record = await get(`${VolunteerApiPath.volunteers}/v-2`);
    expect(record).toMatchObject({ sessions: 1, serviceMs: 90 * MIN, points: 15, current: null });
    expect((await fetch(`${base}${VolunteerApiPath.volunteers}/nobody`)).status).toBe(404);
  });

  it('lists activities and orders by region with a cursor, and refuses a cursor it did not give', async () => {
    for (let i = 0; i < 5; i++) await post(ServiceCardApiPath.orders, { clientId: `ord-${i}`, category: i % 2 ? 'meal' : 'legal', gridId: grid });
    const page1 = await get(`${ServiceCardApiPath.orders}?regionId=${community}&limit=3`);
    expect(page1.orders.map((o: { id: string }) => o.id)).toEqual(['ord-4', 'ord-3', 'ord-2']);
    const page2 = await get(`${ServiceCardApiPath.orders}?regionId=${community}&limit=3&cursor=${page1.nextCursor}`);
    expect(page2.orders.map((o: { id: string }) => o.id)).toEqual(['ord-1', 'ord-0']);
    expect(page2.nextCursor).toBeNull();
    expect((await get(`${ServiceCardApiPath.orders}?category=meal`)).orders).toHaveLength(2);
    expect((await get(`${ServiceCardApiPath.orders}?stage=open`)).orders).toHaveLength(5);
    expect((await fetch(`${base}${ServiceCardApiPath.orders}?cursor=bm9wZQ`)).status).toBe(400);
    expect((await fetch(`${base}${ServiceCardApiPath.orders}?regionId=150602999`)).status).toBe(422);
    expect((await get(`${VolunteerApiPath.activities}?regionId=${street}&status=ended`)).activities.map((a: { id: string }) => a.id)).toEqual(['act-1']);
  });

  it('answers a stale stage change 409 without overwriting it', async () => {
    expect((await post(`${ServiceCardApiPath.orders}/ord-0/stages`, { stage: 'dispatched', actor: '社区', partnerUnit: '司法所', expectedStage: 'requested' })).status).toBe(200);
    const stale = await post(`${ServiceCardApiPath.orders}/ord-0/stages`, { stage: 'cancelled', actor: '居民', expectedStage: 'requested' });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: 'changed_meanwhile', stage: 'dispatched' });
    expect((await post(`${ServiceCardApiPath.orders}/nope/stages`, { stage: 'done', actor: 'x' })).status).toBe(404);
  });

  it('gives a region’s indicators with its children’s, derived figures included', async () => {
    const r = await get(regionActivitiesPath(community));
    expect(r.region.id).toBe(community);
    expect(r.path.map((p: { level: string }) => p.level)).toEqual(['district', 'street', 'community']);
    expect(r.volunteer.counters).toMatchObject({ teams: 2, volunteers: 3, activitiesToday: 1, activitiesOngoing: 0, residentVisitsToday: 23, serviceMsToday: 240 * MIN, pointsToday: 40 });
    expect(r.volunteer.hoursToday).toBe(4);
    expect(r.serviceCard.counters).toMatchObject({ total: 5, open: 5, atStage: { requested: 4, dispatched: 1 } });
    expect(r.serviceCard.meanRating).toBeNull();
    expect(r.children.find((c: { region: { id: string } }) => c.region.id === grid).volunteer.counters.teams).toBe(1);
    expect((await fetch(base + regionActivitiesPath('nope'))).status).toBe(404);
  });

  it('streams the same counters through its panels', () => {
    const [volunteer, serviceCard] = activities.panels;
    expect(volunteer.get(community)).toEqual(activities.counters.volunteer.get(community));
    expect(serviceCard.takeDirty().has(community)).toBe(true);
  });
});
