import { describe, expect, it } from 'vitest';
import type { EventStatus } from '../../shared/events/status';
import { STATUSES } from '../../shared/events/status';
import { makeAlert, makeEvent } from '../stream/testing/fixtures';
import { offeredActions, type DeskAction } from './offeredActions';

const names = (xs: DeskAction[]) => xs.map((x) => (x.kind === 'transition' ? x.action : x.kind));
const ev = (status: EventStatus) => makeEvent(1, { status });

describe('offeredActions', () => {
  it('offers acknowledge-and-accept for a new alert on a just-reported event, then only rejecting', () => {
    const out = offeredActions(makeAlert(1), ev('reported'));
    expect(out[0]).toEqual({ kind: 'acknowledge', alsoAccept: true });
    expect(names(out)).toEqual(['acknowledge', 'reject', 'note']);
  });

  it('offers plain acknowledge when the event is already past reporting, with the event\u2019s next steps', () => {
    const out = offeredActions(makeAlert(1), ev('accepted'));
    expect(out[0]).toEqual({ kind: 'acknowledge', alsoAccept: false });
    expect(names(out)).toEqual(['acknowledge', 'dispatch', 'reject', 'note']);
  });

  it('once acknowledged, offers exactly what the event\u2019s status allows, forward step first', () => {
    const acked = makeAlert(1, { state: 'acknowledged' });
    const table: Record<EventStatus, string[]> = {
      reported: ['accept', 'reject', 'note'],
      accepted: ['dispatch', 'reject', 'note'],
      dispatched: ['start', 'return', 'urge', 'note'],
      handling: ['resolve', 'urge', 'note'],
      resolved: ['close', 'rework', 'note'],
      closed: ['handle'],
      rejected: ['handle'],
    };
    for (const s of STATUSES) expect(names(offeredActions(acked, ev(s))), s).toEqual(table[s]);
  });

  it('marks the forward step primary, dispatch as needing a unit, and close/reject as ending the loop', () => {
    const acked = makeAlert(1, { state: 'acknowledged' });
    const dispatch = offeredActions(acked, ev('accepted')).find((a) => a.kind === 'transition' && a.action === 'dispatch');
    expect(dispatch).toMatchObject({ primary: true, needsUnit: true, closesLoop: false });
    const [close, rework] = offeredActions(acked, ev('resolved'));
    expect(close).toMatchObject({ action: 'close', primary: true, closesLoop: true });
    expect(rework).toMatchObject({ action: 'rework', primary: false, closesLoop: false });
    const reject = offeredActions(acked, ev('reported')).find((a) => a.kind === 'transition' && a.action === 'reject');
    expect(reject).toMatchObject({ primary: false, closesLoop: true });
  });

  it('offers acknowledge and handle for an alert without an event (a spike)', () => {
    expect(names(offeredActions(makeAlert(1, { kind: 'spike', eventId: null }), null))).toEqual(['acknowledge', 'handle']);
    expect(names(offeredActions(makeAlert(1, { kind: 'spike', eventId: null, state: 'acknowledged' }), null))).toEqual(['handle']);
  });

  it('offers only acknowledging while the event is still loading, and nothing for a handled alert', () => {
    expect(names(offeredActions(makeAlert(1), undefined))).toEqual(['acknowledge']);
    expect(offeredActions(makeAlert(1, { state: 'acknowledged' }), undefined)).toEqual([]);
    expect(offeredActions(makeAlert(1, { state: 'handled' }), ev('handling'))).toEqual([]);
  });
});
