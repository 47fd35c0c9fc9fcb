import { describe, expect, it } from 'vitest';
import { ACTIVITY_ACTIONS, ACTIVITY_STATUSES, allowedActivityMoves, canCheckIn, canCheckOut, isActivityFinal, nextActivityStatus } from './activityLifecycle';

describe('activityLifecycle', () => {
  it('walks planned → ongoing → ended, or planned → cancelled', () => {
    expect(nextActivityStatus('planned', 'start')).toBe('ongoing');
    expect(nextActivityStatus('ongoing', 'end')).toBe('ended');
    expect(nextActivityStatus('planned', 'cancel')).toBe('cancelled');
  });

  it('refuses ending what has not started, cancelling what has, and anything after the end', () => {
    expect(nextActivityStatus('planned', 'end')).toBeNull();
    expect(nextActivityStatus('ongoing', 'cancel')).toBeNull();
    for (const s of ACTIVITY_STATUSES.filter(isActivityFinal)) expect(allowedActivityMoves(s)).toEqual([]);
  });

  it('takes check-ins while planned or ongoing, check-outs only while ongoing', () => {
    expect(ACTIVITY_STATUSES.filter(canCheckIn)).toEqual(['planned', 'ongoing']);
    expect(ACTIVITY_STATUSES.filter(canCheckOut)).toEqual(['ongoing']);
    expect(allowedActivityMoves('planned')).toEqual(['check-in', 'start', 'cancel']);
    expect(allowedActivityMoves('ongoing')).toEqual(['check-in', 'check-out', 'end']);
  });

  it('only ever leads to known statuses', () => {
    for (const a of Object.values(ACTIVITY_ACTIONS)) expect(ACTIVITY_STATUSES).toContain(a.to);
  });
});
