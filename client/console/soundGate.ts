import type { Alert } from '../../shared/alerts/alert';

/** An alert that calls for the sound: a new one about a critical (非常紧急) case. */
export function callsForSound(a: Alert): boolean {
  return a.state === 'new' && (a.severity === 'critical' || a.kind === 'critical_event');
}

/**
 * Decides when a live alert rings: once per alert (it arrives twice — on its own and in the next
 * delta — and again after a reconnect), never while muted, and at most once per `minGapMs` so a
 * burst of alerts is one sound, not a siren. Alerts loaded with the page do not ring: only
 * `heardBefore` them.
 */
export class SoundGate {
  private readonly heard = new Set<string>();
  private lastMs = -Infinity;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly minGapMs = 1500,
  ) {}

  /** Marks alerts as known without ringing (the queue as loaded). */
  heardBefore(alerts: Iterable<Alert>): void {
    for (const a of alerts) this.heard.add(a.id);
  }

  /** Whether this alert, arriving live now, should ring. */
  shouldRing(a: Alert, muted: boolean): boolean {
    if (!callsForSound(a) || this.heard.has(a.id)) return false;
    this.heard.add(a.id);
    if (muted) return false;
    const t = this.now();
    if (t - this.lastMs < this.minGapMs) return false;
    this.lastMs = t;
    return true;
  }
}
