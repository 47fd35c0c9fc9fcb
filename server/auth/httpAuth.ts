import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Principal } from '../../shared/auth/principal';
import { can, type Permission } from '../../shared/auth/roles';
import type { Authenticator } from './authenticator';

/** Name of the session cookie set at log-in (httpOnly, SameSite=Strict). */
export const SESSION_COOKIE = 'gp_session';

/** A credential from `Authorization: Bearer …` or the session cookie. */
export function credentialOf(headers: { authorization?: string; cookie?: string }): string | null {
  const auth = headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || null;
  for (const part of (headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === SESSION_COOKIE) return decodeURIComponent(v.join('=')) || null;
  }
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
