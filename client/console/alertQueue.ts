import type { Alert } from '../../shared/alerts/alert';
import { SEVERITIES } from '../../shared/events/categories';

/**
 * Folds alerts into the queue held by id, without mutating it: the latest change of each alert
 * wins (by its own seq — the same change arrives on its own at once and again in the next delta,
 * and a REST page may be older than the socket), and a handled alert leaves the queue.
 * Returns the same map when nothing changed, so a caller can skip a re-render.
 */
export function foldAlerts(held: ReadonlyMap<string, Alert>, incoming: readonly Alert[]): ReadonlyMap<string, Alert> {
  let next: Map<string, Alert> | null = null;
  const handled = new Set<string>();
  for (const a of incoming) {
    const current = (next ?? held).get(a.id);
    if (current && current.seq >= a.seq) continue;
    if (handled.has(a.id)) continue;
    next ??= new Map(held);
    if (a.state === 'handled') {
      next.delete(a.id);
      handled.add(a.id);
    } else next.set(a.id, a);
  }
  return next ?? held;
}

const STATE_ORDER = { new: 0, acknowledged: 1, handled: 2 } as const;

/**
 * The order officers work in: new alerts before acknowledged ones; within each, the most severe
 * first, then the most recently raised.
 */
export function queueOrder(alerts: Iterable<Alert>): Alert[] {
  const keyed = [...alerts].map((a) => ({ a, t: Date.parse(a.raisedAt), s: SEVERITIES.indexOf(a.severity) }));
  keyed.sort((x, y) => STATE_ORDER[x.a.state] - STATE_ORDER[y.a.state] || y.s - x.s || y.t - x.t || y.a.seq - x.a.seq);
  return keyed.map((k) => k.a);
}
