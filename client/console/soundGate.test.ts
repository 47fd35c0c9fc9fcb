import { describe, expect, it } from 'vitest';
import { makeAlert } from '../stream/testing/fixtures';
import { SoundGate, callsForSound } from './soundGate';

describe('callsForSound', () => {
  it('rings for a new critical alert only', () => {
    expect(callsForSound(makeAlert(1))).toBe(true);
    expect(callsForSound(makeAlert(1, { state: 'acknowledged' }))).toBe(false);
    expect(callsForSound(makeAlert(1, { kind: 'overdue', severity: 'urgent' }))).toBe(false);
    expect(callsForSound(makeAlert(1, { kind: 'dedicated_grid', severity: 'critical' }))).toBe(true);
  });
});

describe('SoundGate', () => {
  it('rings once per alert, though it arrives twice (on its own and in the delta)', () => {
    const gate = new SoundGate(() => 0);
    expect(gate.shouldRing(makeAlert(1), false)).toBe(true);
    expect(gate.shouldRing(makeAlert(1), false)).toBe(false);
  });
  it('does not ring for alerts that were there when the page loaded', () => {
    const gate = new SoundGate(() => 0);
    gate.heardBefore([makeAlert(1)]);
    expect(gate.shouldRing(makeAlert(1), false)).toBe(false);
  });
  it('stays silent while muted, and does not ring for that alert after unmuting', () => {
    const gate = new SoundGate(() => 0);
    expect(gate.shouldRing(makeAlert(1), true)).toBe(false);
    expect(gate.shouldRing(makeAlert(1), false)).toBe(false);
    expect(gate.shouldRing(makeAlert(2), false)).toBe(true);
  });
  it('makes a burst one sound: not again within the gap, again from the gap on', () => {
    let t = 10_000;
    const gate = new SoundGate(() => t, 1500);
    expect(gate.shouldRing(makeAlert(1), false)).toBe(true);
    t += 1499;
    expect(gate.shouldRing(makeAlert(2), false)).toBe(false);
    t += 1;
    expect(gate.shouldRing(makeAlert(3), false)).toBe(true);
  });
});
