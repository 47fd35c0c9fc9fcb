import { describe, expect, it } from 'vitest';
import { activityCreateSchema, activityTransitionSchema, checkInSchema, teamRegisterSchema } from './volunteerSchemas';

const fields = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => r.error?.issues.map((i) => i.path.join('.')) ?? [];
const activity = { clientId: 'a-1', teamId: 't-1', type: 'security_patrol', title: '夜间巡逻', gridId: '150602001001001', startAt: '2026-11-25T19:00:00+08:00', endAt: '2026-11-25T21:00:00+08:00' };

describe('volunteer request schemas', () => {
  it('accepts a well-formed activity and fills the defaults', () => {
    const r = activityCreateSchema.safeParse(activity);
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({ description: '', crs: 'wgs84', actor: 'api' });
  });

  it('names the field at fault', () => {
    expect(fields(activityCreateSchema.safeParse({ ...activity, type: 'karaoke' }))).toEqual(['type']);
    expect(fields(activityCreateSchema.safeParse({ ...activity, gridId: undefined }))).toEqual(['gridId']);
    expect(fields(activityCreateSchema.safeParse({ ...activity, endAt: activity.startAt }))).toEqual(['endAt']);
    expect(fields(activityCreateSchema.safeParse({ ...activity, endAt: '2026-12-05T21:00:00+08:00' }))).toEqual(['endAt']);
    expect(fields(activityCreateSchema.safeParse({ ...activity, title: '   ' }))).toEqual(['title']);
    expect(fields(activityCreateSchema.safeParse({ ...activity, extra: 1 }))).toEqual(['']);
    expect(fields(teamRegisterSchema.safeParse({ clientId: 't', name: '队', regionId: '150602001' }))).toEqual(['regionId']);
    expect(fields(checkInSchema.safeParse({ clientId: 'c 1', volunteerId: 'v' }))).toEqual(['clientId']);
    expect(fields(activityTransitionSchema.safeParse({ action: 'end', actor: '队长' }))).toEqual(['residentVisits']);
  });

  it('refuses NUL in user text (PostgreSQL cannot store it)', () => {
    expect(fields(activityCreateSchema.safeParse({ ...activity, description: 'a\u0000b' }))).toEqual(['description']);
  });
});
