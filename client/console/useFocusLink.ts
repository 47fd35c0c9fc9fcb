import { computed, onScopeDispose, ref, shallowRef } from 'vue';
import type { ScreenCounters } from '../../shared/aggregates/regionCounters';
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
  /** See FocusStreamOptions.feedWindow: on for a screen that shows only its list (the tablet). */
  feedWindow?: boolean;
  /** Epoch ms; injectable for tests. */
  now?: () => number;
  /** The server's geography changed under the page. */
  onGeographyChanged?: () => void;
  /** Longest the socket stays open after disposal for answers still awaited (`linger`), ms. Default 3000. */
  lingerMs?: number;
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
    { eventLimit: options.eventLimit ?? 200, feedWindow: options.feedWindow ?? false, contains: options.contains, now },
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

  const focusCounters = computed<ScreenCounters | null>(() => (state.value && focusId.value ? (state.value.counters[focusId.value] ?? null) : null));

  /** Requests whose answer must come back before the socket closes. */
  const lastWords = new Set<Promise<unknown>>();
  /**
   * Keeps the socket open, when the link is disposed, until `p` settles (at most `maxMs`): a
   * Socket.io server ignores an event that reaches it just before the client's disconnect, so a
   * last message (letting the walls go at sign-out) must be answered before the socket closes.
   */
  function linger(p: Promise<unknown>): void {
    lastWords.add(p);
    void p.finally(() => lastWords.delete(p));
  }

  onScopeDispose(() => {
    for (const [e, fn] of extra) (socket.off as (e: string, f: Listener) => void)(e, fn);
    extra.length = 0;
    if (lastWords.size === 0) return stream.dispose();
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      stream.dispose();
    };
    const timer = setTimeout(close, options.lingerMs ?? 3000);
    void Promise.allSettled([...lastWords]).then(close);
  });

  return { socket, focusId, metric, state, connection, problem, serverOffsetMs, focusCounters, setFocus, setMetric, on, serverNow, linger };
}

export type FocusLink = ReturnType<typeof useFocusLink>;
