import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutoTour } from './autoTour';

const STOPS = ['D', 'S1', 'S2'];

function setup(periodMs = 60_000, idleMs = 120_000) {
  let at: string | null = 'D';
  const go = vi.fn((id: string) => (at = id));
  const tour = new AutoTour({ stops: () => STOPS, current: () => at, go, periodMs, idleMs });
  return { tour, go, where: () => at, moveTo: (id: string) => (at = id) };
}

describe('AutoTour', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('stays at a stop for the whole period and moves on just after it', () => {
    const { tour, where } = setup();
    tour.start();
    vi.advanceTimersByTime(59_999);
    expect(where()).toBe('D');
    vi.advanceTimersByTime(1);
    expect(where()).toBe('S1');
  });

  it('goes through every street and back to the district', () => {
    const { tour, go } = setup();
    tour.start();
    vi.advanceTimersByTime(3 * 60_000);
    expect(go.mock.calls.map((c) => c[0])).toEqual(['S1', 'S2', 'D']);
  });

  it('pauses on activity and does not move while someone keeps using the screen', () => {
    const { tour, where } = setup();
    tour.start();
    vi.advanceTimersByTime(30_000);
    tour.activity();
    expect(tour.state().status).toBe('paused');
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(60_000);
      tour.activity();
    }
    expect(where()).toBe('D');
  });

  it('resumes just after the quiet period, not before, going home first', () => {
    const { tour, where, moveTo } = setup();
    tour.start();
    tour.activity();
    moveTo('150602001001001'); // someone drilled into a grid
    vi.advanceTimersByTime(119_999);
    expect(tour.state().status).toBe('paused');
    expect(where()).toBe('150602001001001');
    vi.advanceTimersByTime(1);
    expect(tour.state().status).toBe('running');
    expect(where()).toBe('D');
    vi.advanceTimersByTime(60_000);
    expect(where()).toBe('S1');
  });

  it('measures the quiet period from the last activity, not the first', () => {
    const { tour } = setup();
    tour.start();
    tour.activity();
    vi.advanceTimersByTime(100_000);
    tour.activity();
    vi.advanceTimersByTime(119_999);
    expect(tour.state().status).toBe('paused');
    vi.advanceTimersByTime(1);
    expect(tour.state().status).toBe('running');
  });

  it('continues from where the screen is when that is a stop', () => {
    const { tour, where, moveTo } = setup();
    tour.start();
    moveTo('S2');
    vi.advanceTimersByTime(60_000);
    expect(where()).toBe('D');
  });

  it('leaves no timer behind once stopped', () => {
    const { tour, go } = setup();
    tour.start();
    tour.activity();
    tour.stop();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10 * 60_000);
    expect(go).not.toHaveBeenCalled();
  });

  it('reports its position and the time of the next step', () => {
    const changes: unknown[] = [];
    const tour = new AutoTour({ stops: () => STOPS, current: () => 'S1', go: () => {}, periodMs: 1000, idleMs: 5000, onChange: (s) => changes.push(s) });
    tour.start();
    expect(changes.at(-1)).toEqual({ status: 'running', index: 1, total: 3, nextAtMs: 1000 });
  });

  it('stands still while driven from elsewhere, and goes home when let go', () => {
    const { tour, where, moveTo } = setup();
    tour.start();
    tour.hold(true);
    moveTo('S2'); // the pushed view
    tour.activity(); // a touch does not undo a hold
    vi.advanceTimersByTime(10 * 60_000);
    expect(where()).toBe('S2');
    expect(tour.state().status).toBe('held');
    tour.hold(false);
    expect(where()).toBe('D');
    vi.advanceTimersByTime(60_000);
    expect(where()).toBe('S1');
  });
});
