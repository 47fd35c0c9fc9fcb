import { ACTIVITY_TYPE_CODES } from '../../../shared/volunteers/activityTypes';
import { VolunteerApiPath } from '../../../shared/volunteers/volunteerApi';
import { demoGrids } from '../../support/demoPoints';
import { lcg, pool } from './seedHistory';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * Gives the volunteer stream a past week, as seedHistory does the events: the simulator registers
 * the teams on start, but at the articles' rhythm (a few activities a day in a district,
 * server/activities/simulator/activityMix.ts) a fresh server's volunteer map and panels stay
 * nearly empty for days. Each team held `perTeam` activities over the last 7 days, in daytime,
 * 2 h long, reported with the ingest token and started and ended by the duty officer over the API,
 * with resident-visits served.
 */
export async function seedVolunteerHistory(
  baseUrl: string,
  headers: { ingest: Record<string, string>; officer: Record<string, string> },
  perTeam = 4,
  seed = 8,
): Promise<number> {
  const random = lcg(seed);
  const teams = await registeredTeams(baseUrl, headers.officer);
  const grids = demoGrids();
  const now = Date.now();
  const jobs: { team: { id: string; regionId: string }; n: number; startMs: number; gridId: string; type: string }[] = [];
  for (const team of teams) {
    const inPlace = grids.filter((g) => g.id === team.regionId || g.communityId === team.regionId);
    for (let n = 0; n < perTeam; n++) {
      // A day in the last week, a start between 08:00 and 16:00 China time, ended by now.
      const day = Math.floor(random() * 7);
      const midnight = Math.floor((now + 8 * HOUR) / DAY) * DAY - 8 * HOUR - day * DAY;
      const startMs = Math.min(midnight + (8 + random() * 8) * HOUR, now - 3 * HOUR);
      const g = inPlace[Math.floor(random() * inPlace.length)] ?? grids[0];
      jobs.push({ team, n, startMs, gridId: g.id, type: ACTIVITY_TYPE_CODES[Math.floor(random() * ACTIVITY_TYPE_CODES.length)] });
    }
  }
  const post = async (path: string, body: object, as = headers.ingest): Promise<Response> => {
    const res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: as, body: JSON.stringify(body) });
    if (!res.ok && res.status !== 409) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    return res;
  };
  await pool(jobs, 8, async ({ team, n, startMs, gridId, type }) => {
    const endMs = startMs + 2 * HOUR;
    const res = await post(VolunteerApiPath.activities, {
      clientId: `seed-${seed}-${team.id}-${n}`,
      teamId: team.id,
      type,
      title: '常态化志愿服务',
      gridId,
      startAt: new Date(startMs).toISOString(),
      endAt: new Date(endMs).toISOString(),
      actor: 'seed',
    });
    const { activity } = (await res.json()) as { activity: { id: string } };
    const act = `${VolunteerApiPath.activities}/${encodeURIComponent(activity.id)}/transitions`;
    await post(act, { action: 'start', actor: 'seed', at: new Date(startMs).toISOString() }, headers.officer);
    await post(act, { action: 'end', actor: 'seed', residentVisits: 20 + Math.floor(random() * 70), at: new Date(endMs).toISOString() }, headers.officer);
  });
  return jobs.length;
}

/** The teams the simulator registered (it does so on start: waits until their number stops growing). */
async function registeredTeams(baseUrl: string, headers: Record<string, string>): Promise<{ id: string; regionId: string }[]> {
  let last = -1;
  for (let i = 0; i < 60; i++) {
    const res = await fetch(`${baseUrl}${VolunteerApiPath.teams}?limit=500`, { headers });
    if (!res.ok) throw new Error(`GET teams: ${res.status} ${await res.text()}`);
    const { teams } = (await res.json()) as { teams: { id: string; regionId: string }[] };
    if (teams.length > 0 && teams.length === last) return teams;
    last = teams.length;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the volunteer simulator registered no teams');
}
