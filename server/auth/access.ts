import type { Response } from 'express';
import type { Principal } from '../../shared/auth/principal';
import { can, type Permission } from '../../shared/auth/roles';
import { inScope } from '../../shared/auth/scope';
import type { Hierarchy } from '../../shared/geo/hierarchy';
import { principalOf } from './httpAuth';

/** The principal of a request that passed `requirePermission` (which guarantees one). */
export function who(res: Response): Principal {
  const p = principalOf(res);
  if (!p) throw new Error('route reached without a principal: requirePermission missing');
  return p;
}

/** Whether the caller's scope covers `regionId`. */
export function covers(res: Response, h: Hierarchy, regionId: string): boolean {
  return inScope(h, who(res).scopeRegionId, regionId);
}

/** Whether the caller may do `permission` (for what a route shows, beyond whether it answers). */
export function allows(res: Response, permission: Permission): boolean {
  return can(who(res).role, permission);
}

/** The 403 for a region outside the caller's scope. */
export function outOfScope(res: Response, regionId: string) {
  return res.status(403).json({ error: 'out_of_scope', message: `region ${regionId} is outside your scope (${who(res).scopeRegionId})` });
}
