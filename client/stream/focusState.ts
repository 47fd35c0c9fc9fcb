import type { RegionCounters } from '../../shared/aggregates/regionCounters';
import type { GridEvent } from '../../shared/events/gridEvent';
import type { FocusDelta, FocusSnapshot } from '../../shared/protocol/socketProtocol';

/** What a screen holds for its focus: the last snapshot with every delta since merged in. */
export interface FocusState {
  regionId: string;
  /** Store sequence this state reflects; the next delta must start from it. */
  seq: number;
  serverTime: string;
  /** Counters of the focused region and its children, by region id. */
  counters: Readonly<Record<string, RegionCounters>>;
  /** Newest first (by report time, then seq), at most the list limit. */
  events: readonly GridEvent[];
}

/** How many events a screen keeps: a wall shows a dozen, the rest is headroom for scrolling. */
export const EVENT_LIST_LIMIT = 50;

/**
 * Replaces the state with a snapshot, or returns null when the snapshot is for a region that is
 * no longer the focus (it was answering a subscription we have since moved away from).
 */
export function applySnapshot(focusId: string, snapshot: FocusSnapshot, limit = EVENT_LIST_LIMIT): FocusState | null {
  if (snapshot.regionId !== focusId) return null;
  return {
    regionId: snapshot.regionId,
    seq: snapshot.seq,
    serverTime: snapshot.serverTime,
    counters: { ...snapshot.counters },
    events: mergeEvents([], snapshot.events, limit),
  };
}

export type DeltaResult =
  /** Merged: use `state` from now on. */
  | { kind: 'applied'; state: FocusState }
  /** Not for us (another region, no snapshot yet, or already seen): drop it. */
  | { kind: 'ignored' }
  /** It does not follow on from what we hold: ask for a fresh snapshot. */
  | { kind: 'gap' };

/** Merges a delta into the state without mutating it; see DeltaResult for the outcomes. */
export function applyDelta(
  focusId: string,
  current: FocusState | null,
  delta: FocusDelta,
  limit = EVENT_LIST_LIMIT,
): DeltaResult {
  if (delta.regionId !== focusId || !current || current.regionId !== focusId) return { kind: 'ignored' };
  // A delta we already hold (a retransmission after the snapshot that covers it) is harmless.
  if (delta.seq <= current.seq) return { kind: 'ignored' };
  if (delta.fromSeq !== current.seq) return { kind: 'gap' };
  return {
    kind: 'applied',
    state: {
      regionId: current.regionId,
      seq: delta.seq,
      serverTime: delta.serverTime,
      // Deltas carry each changed region's full counters, so a per-id replace is the whole merge.
      counters: { ...current.counters, ...delta.counters },
      events: mergeEvents(current.events, delta.events, limit),
    },
  };
}

/**
 * Union by id, keeping the most recently updated version of each event, newest first, cut to
 * `limit`. "Newest" is by report time (what the list shows), then by store seq: reports arrive
 * up to minutes late (a phone offline on patrol), and sorting by arrival would show times out of
 * order. An update for an event that has already dropped off the list sorts back into its
 * place and is cut again, rather than jumping to the top.
 */
export function mergeEvents(held: readonly GridEvent[], incoming: readonly GridEvent[], limit: number): GridEvent[] {
  const byId = new Map<string, GridEvent>();
  for (const e of held) byId.set(e.id, e);
  for (const e of incoming) {
    const prev = byId.get(e.id);
    if (!prev || e.updatedSeq >= prev.updatedSeq) byId.set(e.id, e);
  }
  const keyed = [...byId.values()].map((e) => ({ e, t: Date.parse(e.reportedAt) }));
  keyed.sort((a, b) => b.t - a.t || b.e.seq - a.e.seq);
  return keyed.slice(0, limit).map((k) => k.e);
}
