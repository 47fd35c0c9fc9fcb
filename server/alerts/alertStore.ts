import type { Alert, AlertState } from '../../shared/alerts/alert';
import type { AlertAction } from '../../shared/alerts/alertLifecycle';
import type { NewAlert } from '../../shared/alerts/alertRules';

export type AlertActOutcome =
  | { type: 'changed'; alert: Alert }
  | { type: 'not_found' }
  | { type: 'refused'; alert: Alert; reason: 'not_allowed' | 'stale'; message: string };

export interface AlertQuery {
  states?: readonly AlertState[];
  /** Only alerts whose regionId is one of these; null for all. */
  regionIds: readonly string[] | null;
  beforeSeq?: number;
  limit: number;
}

/**
 * Durable alerts. `raise` is idempotent by the alert's id (its dedupe key), so a rule fires
 * once however often its condition is seen. Every change takes the next number of the alert
 * store's own sequence.
 */
export interface AlertStore {
  migrate(): Promise<void>;
  raise(a: NewAlert): Promise<{ created: boolean; alert: Alert }>;
  act(id: string, action: AlertAction, actor: string, atMs: number, expectedState?: AlertState): Promise<AlertActOutcome>;
  /** Alerts not yet handled, newest first. */
  openAlerts(): Promise<Alert[]>;
  get(id: string): Promise<Alert | null>;
  list(q: AlertQuery): Promise<Alert[]>;
}
