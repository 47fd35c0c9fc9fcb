import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Principal } from '../../shared/auth/principal';
import { can, type Permission } from '../../shared/auth/roles';
import type { Authenticator } from './authenticator';

/** Name of a person's session cookie, set at log-in (httpOnly, SameSite=Strict). */
export const SESSION_COOKIE = 'gp_session';
/**
 * Name of a wall screen's cookie, set when its link is opened. Apart from the person's, so that
 * opening a wall link in a duty officer's browser does not sign the officer out of the console.
 */
export const SCREEN_COOKIE = 'gp_screen';

/**
 * A credential from `Authorization: Bearer …`, else from the cookies: the person's session first,
 * or the screen's first when `prefer` is 'screen' (a wall page's socket).
 */
export function credentialOf(headers: { authorization?: string; cookie?: string }, prefer: 'person' | 'screen' = 'person'): string | null {
  const auth = headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || null;
  const jar = new Map<string, string>();
  for (const part of (headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === SESSION_COOKIE || k === SCREEN_COOKIE) jar.set(k, decodeURIComponent(v.join('=')));
  }
  const order = prefer === 'screen' ? [SCREEN_COOKIE, SESSION_COOKIE] : [SESSION_COOKIE, SCREEN_COOKIE];
  for (const k of order) if (jar.get(k)) return jar.get(k)!;
  return null;
}

/** The principal of this request (set by `identify`), or null. */
export function principalOf(res: Response): Principal | null {
  return (res.locals.principal as Principal | undefined) ?? null;
}

/** Resolves who is calling, for every /api request; refusing is left to `requirePermission`. */
export function identify(auth: Authenticator): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      res.locals.principal = await auth.authenticate(credentialOf(req.headers));
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** 401 without a valid credential, 403 when the role may not do this. */
export function requirePermission(permission: Permission): RequestHandler {
  return (_req, res, next) => {
    const p = principalOf(res);
    if (!p) return res.status(401).json({ error: 'unauthenticated', message: 'sign in, or send a valid token (Authorization: Bearer …)' });
    if (!can(p.role, permission)) return res.status(403).json({ error: 'forbidden', message: `a ${p.role} may not do this (${permission})` });
    next();
  };
}
