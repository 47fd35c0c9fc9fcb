import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSchema, type TestSchema } from '../../server/store/postgres/testSchema';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';
import { connectScreen, type TestScreen } from '../support/screenClient';
import { demoGrids } from '../support/demoPoints';
import { VolunteerApiPath, regionActivitiesPath } from '../../shared/volunteers/volunteerApi';
import { ServiceCardApiPath } from '../../shared/serviceCards/serviceCardApi';
import type { ServiceCardCounters } from '../../shared/serviceCards/serviceCardCounters';

const databaseUrl = process.env.DATABASE_URL;
const title = 'volunteer and service-card panels of two server processes sharing PostgreSQL';

/** No Redis needed: each process reads what the other stored from the shared store. */
describe.skipIf(!databaseUrl)(databaseUrl ? title : `${title} (skipped: DATABASE_URL not set)`, () => {
  let schema: TestSchema;
  let a: ServerProcess;
  let b: ServerProcess;
  let screenOnB: TestScreen;
  const g = demoGrids()[11];
  const post = (s: ServerProcess, path: string, body: unknown) =>
    s.fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const indicators = async (s: ServerProcess) => (await (await s.fetch(regionActivitiesPath('150602'))).json()) as { volunteer: { counters: unknown }; serviceCard: { counters: unknown } };

  beforeAll(async () => {
    schema = await createTestSchema(databaseUrl!, 'gp_act_cluster');
    const env = { DATABASE_URL: databaseUrl!, DATABASE_SCHEMA: schema.name, TICK_MS: '100' };
    // One after the other (two migrating at once is covered by the store's own tests).
    a = await startServerProcess({ env });
    b = await startServerProcess({ env, dataDir: a.dataDir }); // same demo credentials (in the data folder)
    screenOnB = await connectScreen(b.url, { token: b.token });
    await screenOnB.subscribe('150602');
  });
  afterAll(async () => {
    screenOnB?.close();
    await b?.dispose();
    await a?.dispose();
    await schema?.drop();
  });

  it('streams an order stored through one process to a screen on the other', async () => {
    expect((await post(a, ServiceCardApiPath.orders, { clientId: 'cl-o-0', category: 'meal', gridId: g.id })).status).toBe(201);
    const d = await screenOnB.waitForDelta((x) => (x.panels.serviceCard?.['150602'] as ServiceCardCounters | undefined)?.total === 1);
    expect(d.panels.serviceCard['150602']).toMatchObject({ atStage: { requested: 1 } });
  });

  it('keeps both processes’ panels equal under writes to both at once, moves made through the other process included', async () => {
    await post(a, VolunteerApiPath.teams, { clientId: 'cl-t', name: '队', regionId: g.communityId });
    await Promise.all(Array.from({ length: 10 }, (_, i) => post(i % 2 ? a : b, VolunteerApiPath.volunteers, { clientId: `cl-v-${i}`, name: '志愿者', teamId: 'cl-t' })));
    const now = Date.now();
    await post(b, VolunteerApiPath.activities, { clientId: 'cl-a', teamId: 'cl-t', type: 'sanitation', title: '清理', gridId: g.id, startAt: new Date(now).toISOString(), endAt: new Date(now + 3600_000).toISOString() });
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => post(i % 2 ? b : a, `${VolunteerApiPath.activities}/cl-a/check-ins`, { clientId: `cl-in-${i}`, volunteerId: `cl-v-${i}` })),
      ...Array.from({ length: 30 }, (_, i) => post(i % 2 ? a : b, ServiceCardApiPath.orders, { clientId: `cl-o-${i + 1}`, category: 'legal', gridId: g.id })),
    ]);
    await Promise.all(Array.from({ length: 5 }, (_, i) => post(i % 2 ? a : b, `${VolunteerApiPath.activities}/cl-a/check-outs`, { volunteerId: `cl-v-${i}` })));
    await post(b, `${ServiceCardApiPath.orders}/cl-o-0/stages`, { stage: 'dispatched', actor: '社区', partnerUnit: '社区老年食堂' });
    await post(a, `${ServiceCardApiPath.orders}/cl-o-0/stages`, { stage: 'accepted', actor: '食堂' });
    await expect.poll(async () => JSON.stringify(await indicators(a)) === JSON.stringify(await indicators(b)), { timeout: 10_000 }).toBe(true);
    const { volunteer, serviceCard } = await indicators(a);
    expect(volunteer.counters).toMatchObject({ teams: 1, volunteers: 10, volunteersActive: 5, checkInsToday: 10, activitiesOngoing: 1 });
    expect(serviceCard.counters).toMatchObject({ total: 31, acceptedCount: 1, atStage: { requested: 30, accepted: 1 } });
  });
});
