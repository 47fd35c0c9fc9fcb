import { computed, onScopeDispose, ref, shallowRef } from 'vue';
import type { RegionCounters } from '../../shared/aggregates/regionCounters';
import type { Problem, ServerToClientEvents } from '../../shared/protocol/socketProtocol';
import type { HeatMetric } from '../../shared/protocol/subscribeSchema';
import { connectSocket } from '../stream/connectSocket';
import type { FocusState } from '../stream/focusState';
import { FocusStream, type ConnectionInfo, type FocusSocket } from '../stream/focusStream';

export interface FocusLinkOptions {
  /** Opens the socket; injectable for tests. Default the page's own origin (the session cookie rides along). */
  open?: () => FocusSocket;
  /** Whether a region lies inside the focus (see FocusStreamOptions.contains). */
  contains?: (focusId: string, regionId: string) => boolean;
  /** Events kept for the focus. Default 200 (the map's dots). */
  eventLimit?: number;
  /** Epoch ms; injectable for tests. */
  now?: () => number;
  /** The server's geography changed under the page. */
  onGeographyChanged?: () => void;
}

type Listener = (...args: never[]) => void;

/**
 * The console's and the tablet's live link: one socket and one FocusStream (the wall's, reused
 * as is) in the calling component's scope, which owns both and closes them with itself — unlike
 * the wall's app-wide live store, a desk page comes and goes. `on` listens to further server
 * events on the same socket (the raw alerts and deltas the console needs beyond the merged
 * state); those listeners go with the link. `socket` is lent for emits (push to wall), not to
 * be closed by anyone else.
 */
export function useFocusLink(options: FocusLinkOptions = {}) {
  const now = options.now ?? Date.now;
  const focusId = ref<string | null>(null);
  const metric = ref<HeatMetric>('open');
  /** Snapshot + deltas for the focus; null until its snapshot arrives. */
  const state = shallowRef<FocusState | null>(null);
  const connection = shallowRef<ConnectionInfo>({ status: 'connecting', staleSinceMs: null });
  const problem = shallowRef<Problem | null>(null);
  /** Server clock minus this page's clock at the last update, ms. */
  const serverOffsetMs = ref(0);

  const socket = (options.open ?? (() => connectSocket()))();
  const extra: [string, Listener][] = [];
  const stream = new FocusStream(
    socket,
    {
      state: (s) => {
        state.value = s;
        const server = s ? Date.parse(s.serverTime) : NaN;
        if (Number.isFinite(server)) serverOffsetMs.value = server - now();
      },
      connection: (c) => (connection.value = c),
      problem: (p) => {
        console.warn('[link] server problem', p);
        problem.value = p;
      },
      geographyChanged: () => options.onGeographyChanged?.(),
    },
    { eventLimit: options.eventLimit ?? 200, contains: options.contains, now },
  );

  function setFocus(regionId: string): void {
    if (regionId === focusId.value) return;
    focusId.value = regionId;
    problem.value = null;
    stream.focus(regionId);
  }

  function setMetric(m: HeatMetric): void {
    metric.value = m;
    stream.setMetric(m);
  }

  /** Listens to a server event on this link's socket, for as long as the link lives. */
  function on<E extends keyof ServerToClientEvents>(event: E, fn: ServerToClientEvents[E]): void {
    (socket.on as (e: string, f: Listener) => void)(event, fn as Listener);
    extra.push([event, fn as Listener]);
  }

  /** The server's clock now as this page estimates it, epoch ms. */
  const serverNow = () => now() + serverOffsetMs.value;

  const focusCounters = computed<RegionCounters | null>(() => (state.value && focusId.value ? (state.value.counters[focusId.value] ?? null) : null));

  onScopeDispose(() => {
    for (const [e, fn] of extra) (socket.off as (e: string, f: Listener) => void)(e, fn);
    extra.length = 0;
    stream.dispose();
  });

  return { socket, focusId, metric, state, connection, problem, serverOffsetMs, focusCounters, setFocus, setMetric, on, serverNow };
}

export type FocusLink = ReturnType<typeof useFocusLink>;
