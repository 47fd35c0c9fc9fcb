import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { ActivityOutcome, EntityKind, StoredEntity } from '../store/activityStore';

export interface FieldIssue {
  field: string;
  message: string;
}

/**
 * What a write of the volunteer or service-card API came to, before it becomes HTTP:
 * 201 created, 200 changed or duplicate (nothing stored), 400 invalid body, 404 the record in
 * the path is unknown, 409 refused by the lifecycle, 422 a place or a record named in the body
 * is unknown (or a time contradicts what is stored).
 */
export type ApiResult =
  | { kind: 'created' | 'changed' | 'duplicate'; entity: StoredEntity; extra?: Record<string, unknown> }
  | { kind: 'invalid'; issues: FieldIssue[] }
  | { kind: 'unprocessable'; error: string; issues: FieldIssue[] }
  | { kind: 'not_found'; message: string }
  | { kind: 'conflict'; error: string; message: string; allowed: string[]; entity: StoredEntity };

export function zodIssues(err: z.ZodError): FieldIssue[] {
  return err.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
}

/** The JSON key a record travels under. */
export const keyOf = (e: StoredEntity) => e.kind;

/** The state a refused record is in, for the 409 body (status of an activity, stage of an order). */
function stateOf(e: StoredEntity): Record<string, string> {
  if (e.kind === 'activity') return { status: e.value.status };
  if (e.kind === 'order') return { stage: e.value.stage };
  return {};
}

/**
 * Turns a store outcome into an ApiResult. `pathKind` is the kind of record named in the URL
 * (unknown → 404); any other unknown record was named in the body, by `fields[kind]` (→ 422).
 */
export function fromOutcome(o: ActivityOutcome, pathKind: EntityKind | null, fields: Partial<Record<EntityKind, string>> = {}): ApiResult {
  switch (o.type) {
    case 'created':
      return { kind: 'created', entity: o.entity };
    case 'changed':
      return { kind: 'changed', entity: o.entity, ...(o.stageChange ? { extra: { stageChange: o.stageChange } } : {}) };
    case 'duplicate':
      return { kind: 'duplicate', entity: o.entity };
    case 'not_found':
      if (o.what === pathKind) return { kind: 'not_found', message: `no ${o.what} ${o.id}` };
      return { kind: 'unprocessable', error: 'unknown_reference', issues: [{ field: fields[o.what] ?? `${o.what}Id`, message: `unknown ${o.what} ${o.id}` }] };
    case 'refused':
      if (o.reason === 'invalid_time') return { kind: 'unprocessable', error: 'invalid_time', issues: [{ field: 'at', message: o.message }] };
      return {
        kind: 'conflict',
        error: o.reason === 'stale' ? 'changed_meanwhile' : o.reason === 'busy' ? 'volunteer_busy' : 'transition_not_allowed',
        message: o.message,
        allowed: o.allowed,
        entity: o.entity,
      };
  }
}

/** Sends an ApiResult; `location` gives the URL of a created record. */
export function sendResult(res: Response, r: ApiResult, location?: (e: StoredEntity) => string): Response {
  switch (r.kind) {
    case 'created':
      if (location) res.location(location(r.entity));
      return res.status(201).json({ [keyOf(r.entity)]: r.entity.value, ...r.extra });
    case 'changed':
      return res.status(200).json({ [keyOf(r.entity)]: r.entity.value, ...r.extra });
    case 'duplicate':
      return res.status(200).json({ [keyOf(r.entity)]: r.entity.value, duplicate: true });
    case 'invalid':
      return badRequest(res, r.issues);
    case 'unprocessable':
      return res.status(422).json({ error: r.error, message: describe(r.issues), issues: r.issues });
    case 'not_found':
      return res.status(404).json({ error: 'not_found', message: r.message });
    case 'conflict':
      return res.status(409).json({ error: r.error, message: r.message, ...stateOf(r.entity), allowed: r.allowed, [keyOf(r.entity)]: r.entity.value });
  }
}

const describe = (issues: FieldIssue[]) => issues.map((i) => `${i.field}: ${i.message}`).join('; ');

export function badRequest(res: Response, issues: FieldIssue[], error = 'invalid_request'): Response {
  return res.status(400).json({ error, message: describe(issues), issues });
}

export const encodeCursor = (seq: number) => Buffer.from(`s${seq}`).toString('base64url');
export function decodeCursor(c: string): number | null {
  const m = /^s(\d{1,15})$/.exec(Buffer.from(c, 'base64url').toString());
  return m ? Number(m[1]) : null;
}

/** The `:id` of a route (Express types a param behind a middleware as string | string[]). */
export function idOf(req: Request): string {
  const v = req.params.id as string | string[];
  return Array.isArray(v) ? v.join('/') : v;
}
