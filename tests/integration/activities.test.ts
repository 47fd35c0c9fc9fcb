import { afterAll, beforeAll, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { describeEachStore } from '../support/storeUnderTest';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';
import { connectScreen, type TestScreen } from '../support/screenClient';
import { demoGrids, type DemoGrid } from '../support/demoPoints';
import type { FocusDelta } from '../../shared/protocol/socketProtocol';
import { VolunteerApiPath, regionActivitiesPath } from '../../shared/volunteers/volunteerApi';
import { ServiceCardApiPath } from '../../shared/serviceCards/serviceCardApi';
import type { VolunteerCounters } from '../../shared/volunteers/volunteerCounters';
import type { ServiceCardCounters } from '../../shared/serviceCards/serviceCardCounters';

const DISTRICT = '150602';
let server: ServerProcess;
let g: DemoGrid;
const json = async <T = any>(res: Response | Promise<Response>) => (await (await res).json()) as T;
const post = (path: string, body: unknown) =>
  server.fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const activityPath = (id: string, sub = '') => `${VolunteerApiPath.activities}/${id}${sub}`;
const volunteerOf = (d: FocusDelta, region: string) => d.panels.volunteer?.[region] as VolunteerCounters | undefined;
const serviceCardOf = (d: FocusDelta, region: string) => d.panels.serviceCard?.[region] as ServiceCardCounters | undefined;

describeEachStore('volunteers and service cards across a real server process', (store) => {
  let screen: TestScreen;
  beforeAll(async () => {
    server = await startServerProcess({ env: { ...(await store.env()), TICK_MS: '100' } });
    g = demoGrids()[7];
    screen = await connectScreen(server.url, { token: server.token });
  });
  afterAll(async () => {
    screen?.close();
    await server?.stop();
    if (server) rmSync(server.dataDir, { recursive: true, force: true });
    await store.cleanup();
  });

  it('answers a subscription with both panels for the district and each street', async () => {
    expect(await screen.subscribe(DISTRICT)).toEqual({ ok: true, mode: 'snapshot' });
    await expect.poll(() => screen.snapshots.length).toBe(1);
    const { panels } = screen.snapshots[0];
    expect(Object.keys(panels.volunteer)).toHaveLength(13);
    expect(panels.volunteer[DISTRICT]).toMatchObject({ teams: 0, volunteersActive: 0, activitiesByDay: [0, 0, 0, 0, 0, 0, 0] });
    expect(panels.serviceCard[g.streetId]).toMatchObject({ total: 0, atStage: { requested: 0, dispatched: 0, accepted: 0, done: 0, rated: 0, cancelled: 0 } });
  });

  it('streams the volunteer panel when a team holds an activity and a volunteer checks in', async () => {
    expect((await post(VolunteerApiPath.teams, { clientId: 'it-team', name: '曙光社区<红袖标>巡逻队', regionId: g.communityId })).status).toBe(201);
    expect((await post(VolunteerApiPath.volunteers, { clientId: 'it-vol-1', name: '王阿姨', teamId: 'it-team' })).status).toBe(201);
    const now = Date.now();
    const created = await post(VolunteerApiPath.activities, {
      clientId: 'it-act',
      teamId: 'it-team',
      type: 'security_patrol',
      title: '夜间治安巡逻',
      location: { lon: g.lon, lat: g.lat },
      startAt: new Date(now).toISOString(),
      endAt: new Date(now + 2 * 3600_000).toISOString(),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/api/volunteers/activities/it-act');
    expect((await json(created)).activity).toMatchObject({ id: 'it-act', gridId: g.id, status: 'planned' });
    expect((await post(activityPath('it-act', '/check-ins'), { clientId: 'it-in-1', volunteerId: 'it-vol-1' })).status).toBe(201);
    const d = await screen.waitForDelta((x) => volunteerOf(x, DISTRICT)?.volunteersActive === 1);
    expect(volunteerOf(d, DISTRICT)).toMatchObject({ teams: 1, volunteers: 1, activitiesOngoing: 1, activitiesToday: 1, activitiesTodayByType: { security_patrol: 1 }, checkInsToday: 1 });
    const street = [...screen.deltas].reverse().find((x) => volunteerOf(x, g.streetId))!;
    expect(volunteerOf(street, g.streetId)?.volunteersActive).toBe(1);
  });

  it('streams the service-card panel through 点单 → 下单 → 接单 → 完成 → 评价', async () => {
    expect((await post(ServiceCardApiPath.orders, { clientId: 'it-ord', category: 'legal', gridId: g.id, description: '咨询租房合同 <b>押金</b>' })).status).toBe(201);
    await screen.waitForDelta((x) => serviceCardOf(x, DISTRICT)?.atStage.requested === 1);
    const stage = (body: Record<string, unknown>) => post(`${ServiceCardApiPath.orders}/it-ord/stages`, { actor: '社区网格员', ...body });
    expect((await stage({ stage: 'dispatched', partnerUnit: '街道司法所' })).status).toBe(200);
    expect((await stage({ stage: 'accepted', actor: '司法所' })).status).toBe(200);
    expect((await stage({ stage: 'done', actor: '司法所' })).status).toBe(200);
    expect((await stage({ stage: 'rated', actor: '居民', rating: 5, comment: '满意' })).status).toBe(200);
    const d = await screen.waitForDelta((x) => serviceCardOf(x, DISTRICT)?.ratingCount === 1);
    expect(serviceCardOf(d, DISTRICT)).toMatchObject({ total: 1, today: 1, open: 0, acceptedCount: 1, ratingSum: 5, reachedToday: { requested: 1, dispatched: 1, accepted: 1, done: 1, rated: 1 } });
    const { order, history } = await json(server.fetch(`${ServiceCardApiPath.orders}/it-ord`));
    expect(order).toMatchObject({ stage: 'rated', partnerUnit: '街道司法所', rating: 5, description: '咨询租房合同 <b>押金</b>' });
    expect(history.map((s: { toStage: string }) => s.toStage)).toEqual(['requested', 'dispatched', 'accepted', 'done', 'rated']);
  });

  it('refuses an illegal stage change with 409 naming the allowed ones', async () => {
    await post(ServiceCardApiPath.orders, { clientId: 'it-ord-2', category: 'meal', gridId: g.id });
    const res = await post(`${ServiceCardApiPath.orders}/it-ord-2/stages`, { stage: 'done', actor: '单位' });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: 'transition_not_allowed', stage: 'requested', allowed: ['dispatched', 'cancelled'] });
    const end = await post(activityPath('it-act', '/transitions'), { action: 'cancel', actor: '队长' });
    expect(end.status).toBe(409);
    expect(await end.json()).toMatchObject({ status: 'ongoing', allowed: ['check-in', 'check-out', 'end'] });
  });

  it('does not store a retried client id twice: 200 with duplicate', async () => {
    const again = await post(activityPath('it-act', '/check-ins'), { clientId: 'it-in-1', volunteerId: 'it-vol-1' });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true, participation: { id: 'it-in-1' } });
    const order = await post(ServiceCardApiPath.orders, { clientId: 'it-ord', category: 'legal', gridId: g.id });
    expect(order.status).toBe(200);
    expect((await json(server.fetch(`${ServiceCardApiPath.orders}?regionId=${g.communityId}`))).orders.filter((o: { id: string }) => o.id === 'it-ord')).toHaveLength(1);
  });

  it('names the field of bad input (400), an unknown place or reference (422), an unknown record (404)', async () => {
    const bad = await post(VolunteerApiPath.activities, { clientId: 'x', teamId: 'it-team', type: 'karaoke', title: 't', gridId: g.id, startAt: '2026-11-25T10:00:00+08:00', endAt: '2026-11-25T11:00:00+08:00' });
    expect(bad.status).toBe(400);
    expect((await json(bad)).message).toContain('type');
    const far = await post(ServiceCardApiPath.orders, { clientId: 'far', category: 'meal', location: { lon: 116.4, lat: 39.9 } });
    expect(far.status).toBe(422);
    expect((await json(far)).issues[0].field).toBe('location');
    const ghost = await post(activityPath('it-act', '/check-ins'), { clientId: 'it-in-x', volunteerId: 'ghost' });
    expect(ghost.status).toBe(422);
    expect((await json(ghost)).issues[0]).toEqual({ field: 'volunteerId', message: 'unknown volunteer ghost' });
    expect((await post(activityPath('nope', '/check-ins'), { clientId: 'it-in-y', volunteerId: 'it-vol-1' })).status).toBe(404);
    expect((await post(VolunteerApiPath.teams, '{"clientId":')).status).toBe(400);
  });

  it('ends the activity with the visits served, and the region indicators equal what the screen got; a restart rebuilds the same', async () => {
    const end = await post(activityPath('it-act', '/transitions'), { action: 'end', actor: '队长', residentVisits: 56 });
    expect(end.status).toBe(200);
    const d = await screen.waitForDelta((x) => volunteerOf(x, DISTRICT)?.residentVisitsToday === 56);
    expect(volunteerOf(d, DISTRICT)).toMatchObject({ volunteersActive: 0, activitiesOngoing: 0 });
    const { participations } = await json(server.fetch(activityPath('it-act')));
    expect(participations[0].checkOutAt).not.toBeNull();
    const before = await json(server.fetch(regionActivitiesPath(DISTRICT)));
    expect(before.volunteer.counters).toEqual(volunteerOf(d, DISTRICT));
    expect(before.children).toHaveLength(12);
    expect(before.serviceCard.meanRating).toBe(5);

    screen.close();
    await server.stop();
    server = await startServerProcess({ env: { ...(await store.env()), TICK_MS: '100' }, dataDir: server.dataDir });
    screen = await connectScreen(server.url, { token: server.token });
    const after = await json(server.fetch(regionActivitiesPath(DISTRICT)));
    expect(after.volunteer.counters).toEqual(before.volunteer.counters);
    expect(after.serviceCard.counters).toEqual(before.serviceCard.counters);
  });
});
