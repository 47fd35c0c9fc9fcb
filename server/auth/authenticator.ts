import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { Principal } from '../../shared/auth/principal';
import { ROLES, type Role } from '../../shared/auth/roles';
import type { AuthStore } from './authStore';
import { hashApiToken, TOKEN_PREFIX } from './apiTokens';
import { DUMMY_HASH, verifyPassword } from './passwords';
import { LoginThrottle } from './loginThrottle';

export type LoginResult =
  | { ok: true; token: string; principal: Principal; expiresAt: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterMs: number };

export interface AuthenticatorOptions {
  /** How long a session lasts, seconds. Default 12 h (a duty shift). */
  sessionTtlSec?: number;
  /** How long a looked-up token or user stays cached, ms (revocation takes effect within it). Default 30 s. */
  cacheMs?: number;
}

/**
 * Turns a credential into a Principal: a session (a signed JWT, from log-in) or a long-lived
 * API token (`gp_…`: wall screens, ingest clients; stored hashed). A disabled user or revoked
 * token stops working within the cache time.
 */
export class Authenticator {
  private key!: Uint8Array;
  /** Guesses at one username, and from one address (many officers may share one behind NAT). */
  private readonly userThrottle: LoginThrottle;
  private readonly addressThrottle: LoginThrottle;
  private readonly cache = new Map<string, { principal: Principal | null; until: number }>();
  /** Tokens this process made for its own clients (the simulator); never stored. */
  private readonly internal = new Map<string, Principal>();
  private readonly ttlSec: number;
  private readonly cacheMs: number;

  constructor(
    private readonly store: AuthStore,
    private readonly now: () => number = Date.now,
    options: AuthenticatorOptions = {},
  ) {
    this.userThrottle = new LoginThrottle(now, 5);
    this.addressThrottle = new LoginThrottle(now, 30);
    this.ttlSec = options.sessionTtlSec ?? 12 * 3600;
    this.cacheMs = options.cacheMs ?? 30_000;
  }

  async init(): Promise<void> {
    this.key = await this.store.sessionSecret();
  }

  /** A token for a client inside this process, valid until it exits. */
  issueInternal(principal: Principal): string {
    const token = TOKEN_PREFIX + 'internal_' + randomBytes(24).toString('base64url');
    this.internal.set(token, principal);
    return token;
  }

  /** Checks a password; the same answer (and about the same time) for an unknown user and a wrong password. */
  async login(username: string, password: string, ip: string): Promise<LoginResult> {
    const wait = Math.max(this.userThrottle.retryAfterMs(username), this.addressThrottle.retryAfterMs(ip));
    if (wait > 0) return { ok: false, reason: 'throttled', retryAfterMs: wait };
    const user = await this.store.getUser(username);
    const good = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !good || user.disabled) {
      this.userThrottle.fail(username);
      this.addressThrottle.fail(ip);
      return { ok: false, reason: 'invalid' };
    }
    this.userThrottle.succeed(username);
    const principal: Principal = { kind: 'user', id: user.username, name: user.displayName, role: user.role, scopeRegionId: user.scopeRegionId };
    const exp = Math.floor(this.now() / 1000) + this.ttlSec;
    const token = await new SignJWT({ name: principal.name, role: principal.role, scope: principal.scopeRegionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.username)
      .setIssuedAt(Math.floor(this.now() / 1000))
      .setExpirationTime(exp)
      .sign(this.key);
    return { ok: true, token, principal, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /** The principal behind a credential, or null (missing, malformed, expired, revoked, disabled). */
  async authenticate(credential: string | undefined | null): Promise<Principal | null> {
    if (!credential) return null;
    const internal = this.internal.get(credential);
    if (internal) return internal;
    const cached = this.cache.get(credential);
    if (cached && cached.until > this.now()) return cached.principal;
    const principal = credential.startsWith(TOKEN_PREFIX) ? await this.fromApiToken(credential) : await this.fromSession(credential);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(credential, { principal, until: this.now() + this.cacheMs });
    return principal;
  }

  private async fromApiToken(token: string): Promise<Principal | null> {
    const t = await this.store.findToken(hashApiToken(token));
    if (!t || t.revokedAt !== null) return null;
    return { kind: t.role === 'viewer' ? 'screen' : 'client', id: t.id, name: t.name, role: t.role, scopeRegionId: t.scopeRegionId };
  }

  private async fromSession(jwt: string): Promise<Principal | null> {
    try {
      const { payload } = await jwtVerify(jwt, this.key, { algorithms: ['HS256'], currentDate: new Date(this.now()) });
      if (typeof payload.sub !== 'string' || !ROLES.includes(payload.role as Role)) return null;
      const user = await this.store.getUser(payload.sub);
      if (!user || user.disabled) return null;
      // Role and scope as stored now: a change by an admin applies without a new log-in.
      return { kind: 'user', id: user.username, name: user.displayName, role: user.role, scopeRegionId: user.scopeRegionId };
    } catch {
      return null;
    }
  }
}
