import { describe, expect, it } from 'vitest';
import { makeAlert } from '../stream/testing/fixtures';
import { foldAlerts, queueOrder } from './alertQueue';

describe('foldAlerts', () => {
  it('keeps the latest change of each alert by seq, whichever order they arrive in', () => {
    const acked = makeAlert(5, { id: 'a', state: 'acknowledged', acknowledgedBy: '王' });
    const raised = makeAlert(3, { id: 'a' });
    const q = foldAlerts(foldAlerts(new Map(), [acked]), [raised]);
    expect(q.get('a')).toBe(acked);
  });
  it('takes a handled alert out of the queue, and does not let an older copy bring it back', () => {
    const q1 = foldAlerts(new Map(), [makeAlert(1, { id: 'a' })]);
    const q2 = foldAlerts(q1, [makeAlert(9, { id: 'a', state: 'handled' }), makeAlert(2, { id: 'a' })]);
    expect(q2.has('a')).toBe(false);
  });
  it('returns the same map when nothing is new (the repeat in the next delta)', () => {
    const a = makeAlert(1);
    const q = foldAlerts(new Map(), [a]);
    expect(foldAlerts(q, [a])).toBe(q);
  });
});

describe('queueOrder', () => {
  it('puts new before acknowledged, then the most severe, then the newest', () => {
    const at = (s: number) => new Date(Date.UTC(2025, 0, 1, 8, 0, s)).toISOString();
    const list = [
      makeAlert(1, { id: 'ack-critical', state: 'acknowledged', severity: 'critical', raisedAt: at(50) }),
      makeAlert(2, { id: 'new-urgent-old', severity: 'urgent', raisedAt: at(10) }),
      makeAlert(3, { id: 'new-critical-old', severity: 'critical', raisedAt: at(5) }),
      makeAlert(4, { id: 'new-urgent-new', severity: 'urgent', raisedAt: at(20) }),
      makeAlert(5, { id: 'ack-normal', state: 'acknowledged', severity: 'normal', raisedAt: at(59) }),
    ];
    expect(queueOrder(list).map((a) => a.id)).toEqual(['new-critical-old', 'new-urgent-new', 'new-urgent-old', 'ack-critical', 'ack-normal']);
  });
});
