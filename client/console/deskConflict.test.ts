import { describe, expect, it } from 'vitest';
import type { EventTransition } from '../../shared/events/gridEvent';
import { makeAlert } from '../stream/testing/fixtures';
import { alertConflict, eventConflict } from './deskConflict';

const step = (seq: number, action: string, fromStatus: EventTransition['fromStatus'], toStatus: EventTransition['toStatus'], actor: string): EventTransition => ({
  seq,
  eventId: 'e',
  action,
  fromStatus,
  toStatus,
  actor,
  note: '',
  unit: null,
  at: new Date(Date.UTC(2025, 0, 1, 8, 0, seq)).toISOString(),
});

describe('eventConflict', () => {
  it('names who made the move into the current status, and when', () => {
    const history = [step(1, 'report', null, 'reported', 'api'), step(2, 'accept', 'reported', 'accepted', '李值班'), step(3, 'dispatch', 'accepted', 'dispatched', '王值班')];
    expect(eventConflict('dispatched', 'accepted', history)).toEqual({
      kind: 'event',
      by: '王值班',
      at: history[2].at,
      action: 'dispatch',
      now: 'dispatched',
      saw: 'accepted',
    });
  });
  it('finds the latest move into the status when the event came back to it (rework)', () => {
    const history = [step(1, 'start', 'dispatched', 'handling', 'A'), step(2, 'resolve', 'handling', 'resolved', 'B'), step(3, 'rework', 'resolved', 'handling', 'C')];
    expect(eventConflict('handling', 'resolved', history)).toMatchObject({ by: 'C', action: 'rework' });
  });
  it('still says what the event is now when the history could not be read', () => {
    expect(eventConflict('closed', 'resolved', null)).toEqual({ kind: 'event', by: null, at: null, action: null, now: 'closed', saw: 'resolved' });
  });
});

describe('alertConflict', () => {
  it('names who acknowledged it first', () => {
    const now = makeAlert(1, { state: 'acknowledged', acknowledgedBy: '王值班', acknowledgedAt: '2025-01-01T08:00:00.000Z' });
    expect(alertConflict(now, 'new')).toEqual({ kind: 'alert', by: '王值班', at: '2025-01-01T08:00:00.000Z', now: 'acknowledged', saw: 'new' });
  });
  it('names who handled it when it is handled already', () => {
    const now = makeAlert(1, { state: 'handled', acknowledgedBy: 'A', acknowledgedAt: 'x', handledBy: 'B', handledAt: '2025-01-01T09:00:00.000Z' });
    expect(alertConflict(now, 'acknowledged')).toMatchObject({ by: 'B', at: '2025-01-01T09:00:00.000Z', now: 'handled' });
  });
});
