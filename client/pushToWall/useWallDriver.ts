import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue';
import type { HeatMetric } from '../../shared/protocol/subscribeSchema';
import type { ApiClient } from '../auth/apiClient';
import { WallDriver, type DriveResult, type WallSocket } from './wallDriver';
import { listWalls, type WallInfo } from './wallsApi';

export interface WallDriverDeps {
  socket: WallSocket;
  api: ApiClient;
  /** The leader's display name (what the server records as the driver). */
  me: () => string;
  /** The leader's view now; null until there is one. */
  view: () => { regionId: string; metric: HeatMetric } | null;
  /** How often the list of walls is read again, ms. Default 10 000. */
  refreshMs?: number;
  /** Quiet time after a view change before following screens get it (drilling through levels sends one push), ms. Default 300. */
  settleMs?: number;
}

/** Why the list of walls is not shown: none may be listed (403), the server has no such list (404), other. */
export type WallsProblem = { status: number; message: string };

/**
 * The leader's side of "push to wall", for a component's scope: the walls the leader may drive
 * (read now and every few seconds), which to send to (some, or all), push and release, and the
 * following itself — each settled change of the leader's view goes to the screens that follow.
 */
export function useWallDriver(deps: WallDriverDeps) {
  const driver = new WallDriver(deps.socket);
  const walls = shallowRef<WallInfo[]>([]);
  const problem = shallowRef<WallsProblem | null>(null);
  const loaded = ref(false);
  /** Chosen screens; '*' = every wall the leader may drive (also those that connect later). */
  const chosen = shallowRef<ReadonlySet<string> | '*'>('*');
  const following = shallowRef<readonly string[]>([]);
  const busy = ref(false);
  /** The last push or release and how it ended. */
  const last = shallowRef<{ kind: 'push' | 'release'; result: DriveResult } | null>(null);

  const sync = () => (following.value = driver.following);

  async function refresh(): Promise<void> {
    const r = await listWalls(deps.api);
    loaded.value = true;
    if (!r.ok) {
      problem.value = { status: r.status, message: r.message };
      return;
    }
    problem.value = null;
    walls.value = r.data;
    const listed = new Map(r.data.map((w) => [w.id, w]));
    // A listed screen someone else now drives (or nobody) is not ours; one not connected right now keeps its drive.
    driver.reconcile((id) => !listed.has(id) || listed.get(id)!.drivenBy === deps.me());
    sync();
  }

  /** Screens following this leader: what the server's answers said, and what the list says. */
  const followers = computed(() => {
    const ids = new Set(following.value);
    for (const w of walls.value) if (w.drivenBy === deps.me()) ids.add(w.id);
    return [...ids];
  });

  /** Set once the leader leaves (signs out): nothing may follow them from then on. */
  let leaving = false;

  async function push(): Promise<void> {
    const v = deps.view();
    if (!v || busy.value || leaving) return;
    const screens = chosen.value === '*' ? ['*'] : [...chosen.value];
    if (screens.length === 0) return;
    busy.value = true;
    try {
      last.value = { kind: 'push', result: await driver.push(v.regionId, v.metric, screens) };
      // The leader left while the server was answering: let the screens that took it go at once.
      if (leaving) {
        void driver.release();
        return;
      }
      sync();
      await refresh();
    } finally {
      busy.value = false;
    }
  }

  /**
   * The leader leaves (signs out, or the session ended): every screen that follows is let go
   * now — whatever else is in flight — and a push still unanswered is let go when it is answered.
   * Resolves with the server's answer (keep the socket open until then).
   */
  function abandon(): Promise<unknown> {
    leaving = true;
    const screens = [...new Set([...driver.following, ...followers.value])];
    return screens.length > 0 ? driver.release(screens) : Promise.resolve();
  }

  async function release(): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    try {
      last.value = { kind: 'release', result: await driver.release(followers.value) };
      sync();
      await refresh();
    } finally {
      busy.value = false;
    }
  }

  function choose(id: string | '*', on: boolean): void {
    if (id === '*') {
      chosen.value = on ? '*' : new Set();
      return;
    }
    const set = new Set(chosen.value === '*' ? walls.value.map((w) => w.id) : chosen.value);
    if (on) set.add(id);
    else set.delete(id);
    chosen.value = set;
  }

  // Following: once the view has settled, the screens that follow get it.
  let settle: ReturnType<typeof setTimeout> | undefined;
  watch(
    () => {
      const v = deps.view();
      return v ? `${v.regionId}|${v.metric}` : '';
    },
    (key, before) => {
      if (!key || key === before || driver.following.length === 0) return;
      clearTimeout(settle);
      settle = setTimeout(() => {
        const v = deps.view();
        if (v) void driver.moved(v.regionId, v.metric).then(sync);
      }, deps.settleMs ?? 300);
    },
  );

  void refresh();
  const timer = setInterval(() => void refresh(), deps.refreshMs ?? 10_000);
  onScopeDispose(() => {
    clearInterval(timer);
    clearTimeout(settle);
  });

  return { walls, problem, loaded, chosen, following, followers, busy, last, refresh, push, release, choose, abandon };
}

export type WallDriving = ReturnType<typeof useWallDriver>;
