import { defineStore } from 'pinia';
import { computed, onScopeDispose, ref, shallowRef } from 'vue';
import type { RegionCounters } from '../../shared/aggregates/regionCounters';
import type { Problem } from '../../shared/protocol/socketProtocol';
import { connectSocket } from './connectSocket';
import type { FocusState } from './focusState';
import type { ConnectionInfo, FocusSocket } from './focusStream';
import { FocusStream } from './focusStream';

/**
 * The live data of the screen's focus. Snapshots and deltas are applied here and only here
 * (through FocusStream); components read. The store owns the one socket: start() opens it,
 * stop() — or disposing the store — closes it.
 */
export const useLiveStore = defineStore('live', () => {
  /** The region the screen looks at; its children are on the map. */
  const focusId = ref<string | null>(null);
  /** Snapshot + deltas for the focus; null until the focus's snapshot arrives. Replaced whole per update. */
  const state = shallowRef<FocusState | null>(null);
  const connection = shallowRef<ConnectionInfo>({ status: 'connecting', staleSinceMs: null });
  /** The last thing the server refused, shown until the next focus change. */
  const problem = shallowRef<Problem | null>(null);

  let stream: FocusStream | null = null;

  /** Opens the socket (once; later calls are no-ops). `open` is injectable for tests. */
  function start(open: () => FocusSocket = connectSocket): void {
    if (stream) return;
    connection.value = { status: 'connecting', staleSinceMs: null };
    stream = new FocusStream(open(), {
      state: (s) => (state.value = s),
      connection: (c) => (connection.value = c),
      problem: (p) => {
        console.warn('[live] server problem', p);
        problem.value = p;
      },
    });
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

  /** Counters of the focused region itself. */
  const focusCounters = computed<RegionCounters | null>(() =>
    state.value && focusId.value ? (state.value.counters[focusId.value] ?? null) : null,
  );

  onScopeDispose(stop);

  return { focusId, state, connection, problem, focusCounters, start, stop, setFocus };
});
