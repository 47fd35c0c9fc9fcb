import type { ApiResult } from './apiClient';

/** Why a log-in did not succeed, as the page words it. */
export type LoginFailure =
  | { reason: 'invalid' }
  | { reason: 'throttled'; retryAfterMinutes: number }
  | { reason: 'network' }
  | { reason: 'server'; status: number; message: string };

/**
 * Reads a failed POST /api/auth/login: 401 is always the same generic "wrong username or
 * password" (the server does not say which), 429 says how long to wait (Retry-After, rounded up
 * to whole minutes, at least one), anything else is the server's or the network's fault.
 */
export function loginFailure(r: Extract<ApiResult<unknown>, { ok: false }>): LoginFailure {
  if (r.status === 401 || r.status === 400) return { reason: 'invalid' };
  if (r.status === 429) return { reason: 'throttled', retryAfterMinutes: Math.max(1, Math.ceil((r.retryAfterS ?? 60) / 60)) };
  if (r.status === 0) return { reason: 'network' };
  return { reason: 'server', status: r.status, message: r.message };
}
