import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { z } from 'zod';
import type { Principal } from '../../shared/auth/principal';
import { can as roleCan, type Permission } from '../../shared/auth/roles';
import { ApiPath } from '../../shared/protocol/socketProtocol';
import { createApiClient, type ApiClient } from './apiClient';
import { loginFailure, type LoginFailure } from './loginFailure';
import { loginAnswerSchema, meAnswerSchema } from './principalSchema';

/**
 * - `unknown`: not asked yet; `checking`: asking the server who we are.
 * - `signedIn`: `principal` holds who; `signedOut`: no session (never, expired, or logged out).
 * - `unreachable`: the server could not be asked (the page says so and offers a retry).
 */
export type SessionStatus = 'unknown' | 'checking' | 'signedIn' | 'signedOut' | 'unreachable';

export type LoginOutcome = { ok: true; principal: Principal } | ({ ok: false } & LoginFailure);

/**
 * Who is signed in on this page. The session itself is the httpOnly cookie the server sets at
 * log-in: the page never sees the token, it only asks /api/auth/me. Every API call of the
 * console and tablet goes through `api`, which reports a 401 here, so an expired session sends
 * the person back to the log-in page wherever it is noticed.
 */
export const useSessionStore = defineStore('session', () => {
  /** Who is signed in; null unless `status` is signedIn. */
  const principal = shallowRef<Principal | null>(null);
  const status = ref<SessionStatus>('unknown');
  /** When the session ends (ISO-8601), when known from the log-in. */
  const expiresAt = ref<string | null>(null);

  function signedOut(): void {
    principal.value = null;
    expiresAt.value = null;
    status.value = 'signedOut';
  }

  /** The page's API client; a 401 anywhere means the session is gone. */
  const api: ApiClient = createApiClient({ onUnauthenticated: signedOut });

  let checking: Promise<void> | null = null;
  /** Asks the server who we are (once at a time; again with `force`). */
  function check(force = false): Promise<void> {
    if (checking) return checking;
    if (!force && (status.value === 'signedIn' || status.value === 'signedOut')) return Promise.resolve();
    status.value = 'checking';
    checking = api(`${ApiPath.auth}/me`, { schema: meAnswerSchema })
      .then((r) => {
        if (r.ok) {
          principal.value = r.data.principal;
          status.value = 'signedIn';
        } else if (r.status === 401) signedOut();
        else status.value = 'unreachable';
      })
      .finally(() => (checking = null));
    return checking;
  }

  async function login(username: string, password: string): Promise<LoginOutcome> {
    const r = await api(`${ApiPath.auth}/login`, { method: 'POST', body: { username, password }, schema: loginAnswerSchema });
    if (!r.ok) return { ok: false, ...loginFailure(r) };
    principal.value = r.data.principal;
    expiresAt.value = r.data.expiresAt;
    status.value = 'signedIn';
    return { ok: true, principal: r.data.principal };
  }

  /** Ends the session on the server (clears the cookie) and here, even if the server cannot be reached. */
  async function logout(): Promise<void> {
    await api(`${ApiPath.auth}/logout`, { method: 'POST', schema: z.unknown() });
    signedOut();
  }

  /** Whether the signed-in person's role may do this (the server checks again). */
  function can(permission: Permission): boolean {
    return principal.value !== null && roleCan(principal.value.role, permission);
  }

  return { principal, status, expiresAt, api, check, login, logout, signedOut, can };
});
