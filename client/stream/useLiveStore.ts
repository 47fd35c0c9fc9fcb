import { defineStore } from 'pinia';
import { computed, onScopeDispose, ref, shallowRef } from 'vue';
import type { ScreenCounters } from '../../shared/aggregates/regionCounters';
import { FEED_EVENTS, type Problem, type WallFollow } from '../../shared/protocol/socketProtocol';
import type { HeatMetric } from '../../shared/protocol/subscribeSchema';
import { connectSocket } from './connectSocket';
import type { FocusState } from './focusState';
import type { ConnectionInfo, FocusSocket } from './focusStream';
import { FocusStream } from './focusStream';

/**
 * Events a wall keeps for its focus: the feed lists the newest dozen, the map shows them all as
 * dots. Kept in step by the server (feed window), so this is also what a busy hour costs a wall:
 * at 1,000 events/s a district wall is sent the newest 50 of each tick, not every event
 * (docs/BENCHMARKS.md, stream fan-out).
 */
export const WALL_EVENT_LIMIT = FEED_EVENTS;

export interface LiveStartOptions {
  /** Opens the socket; injectable for tests. Default connectSocket (the page's own origin). */
  open?: () => FocusSocket;
  /** Whether a region lies inside the focus (see FocusStreamOptions.contains). */
  contains?: (focusId: string, regionId: string) => boolean;
  /** The server's geography changed under the screen. */
  onGeographyChanged?: () => void;
  /** Epoch ms; injectable for tests. */
  now?: () => number;
}

/**
 * The live data of the screen's focus. Snapshots and deltas are applied here and only here
 * (through FocusStream); components read. The store owns the one socket: start() opens it,
 * stop() — or disposing the store — closes it.
 */
export const useLiveStore = defineStore('live', () => {
  /** The region the screen looks at; its children are on the map. */
  const focusId = ref<string | null>(null);
  /** What the map is coloured by. */
  const metric = ref<HeatMetric>('open');
  /** Snapshot + deltas for the focus; null until the focus's snapshot arrives. Replaced whole per update. */
  const state = shallowRef<FocusState | null>(null);
  const connection = shallowRef<ConnectionInfo>({ status: 'connecting', staleSinceMs: null });
  /** The last thing the server refused, shown until the next focus change. */
  const problem = shallowRef<Problem | null>(null);
  /** Server clock minus this screen's clock at the last update, ms (to age events by server time). */
  const serverOffsetMs = ref(0);
  /** Who drives the screen ("push to wall"), while someone does; the focus and metric are theirs. */
  const drivenBy = shallowRef<WallFollow | null>(null);

  let stream: FocusStream | null = null;

  /** Opens the socket (once; later calls are no-ops). */
  function start(options: LiveStartOptions = {}): void {
    if (stream) return;
    const now = options.now ?? Date.now;
    connection.value = { status: 'connecting', staleSinceMs: null };
    stream = new FocusStream(
      // The wall page is the wall screen, even in a browser where someone is also signed in.
      (options.open ?? (() => connectSocket('screen')))(),
      {
        state: (s) => {
          state.value = s;
          if (s) {
            const server = Date.parse(s.serverTime);
            if (Number.isFinite(server)) serverOffsetMs.value = server - now();
          }
        },
        connection: (c) => (connection.value = c),
        problem: (p) => {
          console.warn('[live] server problem', p);
          problem.value = p;
        },
        geographyChanged: () => options.onGeographyChanged?.(),
        follow: (f) => {
          drivenBy.value = f;
          setMetric(f.metric);
          setFocus(f.regionId);
        },
        released: () => (drivenBy.value = null),
      },
      { eventLimit: WALL_EVENT_LIMIT, feedWindow: true, contains: options.contains, now },
    );
    stream.setMetric(metric.value);
    if (focusId.value) stream.focus(focusId.value);
  }

  function stop(): void {
    stream?.dispose();
    stream = null;
  }

  function setFocus(regionId: string): void {
    if (regionId === focusId.value) return;
    focusId.value = regionId;
    problem.value = null;
    stream?.focus(regionId);
  }

  function setMetric(m: HeatMetric): void {
    metric.value = m;
    stream?.setMetric(m);
  }

  /** Drops everything held and takes a fresh snapshot (the heap watchdog's soft reset). */
  function resync(): void {
    stream?.resync();
  }

  /** Counters of the focused region itself. */
  const focusCounters = computed<ScreenCounters | null>(() =>
    state.value && focusId.value ? (state.value.counters[focusId.value] ?? null) : null,
  );

  onScopeDispose(stop);

  return { focusId, metric, state, connection, problem, serverOffsetMs, drivenBy, focusCounters, start, stop, setFocus, setMetric, resync };
});
