import type { RequestHandler } from 'express';

/**
 * What a route of the volunteer and service-card API needs: `report` (register teams and
 * volunteers, create activities, check in and out, place orders), `act` (start, end or cancel
 * an activity; move an order's stage), `read` (lists and records), `watch` (region indicators).
 */
export type ActivityNeed = 'report' | 'act' | 'read' | 'watch';

/** Middleware guarding a route by what it needs (e.g. the server's requirePermission). */
export type Authorize = (need: ActivityNeed) => RequestHandler;

/** No guard: every route is open (until the server passes one). */
export const openAccess: Authorize = () => (_req, _res, next) => next();
