import type { z } from 'zod';
import type { AlertState } from '../../shared/alerts/alert';
import type { AlertAction } from '../../shared/alerts/alertLifecycle';
import type { Action } from '../../shared/events/eventLifecycle';
import type { EventStatus } from '../../shared/events/status';
import { ApiPath } from '../../shared/protocol/socketProtocol';
import type { ApiClient } from '../auth/apiClient';
import { alertAnswerSchema, alertListSchema, eventDetailSchema, eventListSchema, transitionAnswerSchema } from './apiSchemas';

export type AlertList = z.output<typeof alertListSchema>;
export type EventDetail = z.output<typeof eventDetailSchema>;

/** One move of the closed loop as the console sends it. */
export interface TransitionBody {
  action: Action;
  /** The status the officer saw: a different one answers 409 instead of overwriting. */
  expectedStatus: EventStatus;
  /** Who acts (the server takes it from the session once log-in is enforced). */
  actor: string;
  note?: string;
  unit?: string;
}

/** The REST calls of the duty console, each answering an ApiResult (never throwing). */
export function consoleApi(api: ApiClient) {
  const enc = encodeURIComponent;
  return {
    /** Alerts not yet handled (new and acknowledged), newest first; a page of up to `limit`. */
    listOpenAlerts(regionId: string | null, cursor: string | null, limit = 500) {
      const q = new URLSearchParams({ state: 'new,acknowledged', limit: String(limit) });
      if (regionId) q.set('regionId', regionId);
      if (cursor) q.set('cursor', cursor);
      return api(`${ApiPath.alerts}?${q}`, { schema: alertListSchema });
    },
    /** Events by filter (the console uses it to load many alerts' events in one call). */
    listEvents(params: { regionId?: string | null; status?: string; severity?: string; limit?: number }) {
      const q = new URLSearchParams({ limit: String(params.limit ?? 500) });
      if (params.regionId) q.set('regionId', params.regionId);
      if (params.status) q.set('status', params.status);
      if (params.severity) q.set('severity', params.severity);
      return api(`${ApiPath.events}?${q}`, { schema: eventListSchema });
    },
    /** One event, unmasked for officers, with its whole history. */
    getEvent(id: string) {
      return api(`${ApiPath.events}/${enc(id)}`, { schema: eventDetailSchema });
    },
    transition(id: string, body: TransitionBody) {
      return api(`${ApiPath.events}/${enc(id)}/transitions`, { method: 'POST', body, schema: transitionAnswerSchema });
    },
    actOnAlert(id: string, action: AlertAction, expectedState: AlertState, actor: string) {
      return api(`${ApiPath.alerts}/${enc(id)}/actions`, { method: 'POST', body: { action, expectedState, actor }, schema: alertAnswerSchema });
    },
  };
}

export type ConsoleApi = ReturnType<typeof consoleApi>;
