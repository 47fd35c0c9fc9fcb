import { Router } from 'express';
import { loginSchema } from '../../shared/auth/loginSchema';
import { auditQuerySchema } from '../../shared/auth/auditQuerySchema';
import type { Authenticator } from '../auth/authenticator';
import type { AuthStore } from '../auth/authStore';
import { principalOf, requirePermission, SCREEN_COOKIE, SESSION_COOKIE } from '../auth/httpAuth';
import type { AuditTrail } from '../audit/auditTrail';
import { badRequest } from './badRequest';

/** /api/auth: log in (sets the session cookie and returns the token), log out, who am I. */
export function authRouter(deps: { auth: Authenticator; audit: AuditTrail }): Router {
  const r = Router();
  r.post('/login', async (req, res) => {
    const parsed = loginSchema.safeParse(req.body);
    if (!parsed.success) return badRequest(res, parsed.error);
    const ip = req.ip ?? 'unknown';
    const result = await deps.auth.login(parsed.data.username, parsed.data.password, ip);
    if (!result.ok && result.reason === 'throttled') {
      res.setHeader('Retry-After', String(Math.ceil(result.retryAfterMs / 1000)));
      return res.status(429).json({ error: 'too_many_attempts', message: `too many failed log-ins; try again in ${Math.ceil(result.retryAfterMs / 60_000)} min` });
    }
    if (!result.ok) return res.status(401).json({ error: 'invalid_credentials', message: 'wrong username or password' });
    await deps.audit.record(result.principal, 'auth.login', result.principal.id, {}, ip);
    res.cookie(SESSION_COOKIE, result.token, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/', expires: new Date(result.expiresAt) });
    res.json({ token: result.token, principal: result.principal, expiresAt: result.expiresAt });
  });
  /**
   * A wall screen opened with ?screen=<token> trades it for the session cookie, so that every
   * request and the socket carry it without the page holding the secret.
   */
  r.post('/screen', async (req, res) => {
    const token = typeof req.body?.token === 'string' ? req.body.token : '';
    const principal = await deps.auth.authenticate(token);
    if (!principal || principal.kind !== 'screen') return res.status(401).json({ error: 'invalid_credentials', message: 'not a valid screen token' });
    // A screen token lives until revoked; the cookie for a year (walls run for months).
    res.cookie(SCREEN_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/', maxAge: 365 * 86_400_000 });
    res.json({ principal });
  });
  r.post('/logout', (_req, res) => {
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });
  r.get('/me', (_req, res) => {
    const p = principalOf(res);
    if (!p) return res.status(401).json({ error: 'unauthenticated', message: 'not signed in' });
    res.json({ principal: p });
  });
  return r;
}

/** GET /api/audit: the audit log, newest first, for administrators. */
export function auditRouter(store: AuthStore): Router {
  const r = Router();
  r.get('/', requirePermission('audit.read'), async (req, res) => {
    const parsed = auditQuerySchema.safeParse(req.query);
    if (!parsed.success) return badRequest(res, parsed.error);
    const q = parsed.data;
    const entries = await store.queryAudit({
      actor: q.actor,
      action: q.action,
      fromMs: q.from ? Date.parse(q.from) : undefined,
      toMs: q.to ? Date.parse(q.to) : undefined,
      beforeSeq: q.cursor ? Number(q.cursor) : undefined,
      limit: q.limit,
    });
    res.json({ entries, nextCursor: entries.length === q.limit ? String(entries[entries.length - 1].seq) : null });
  });
  return r;
}
