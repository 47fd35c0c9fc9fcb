import type { Response } from 'express';
import type { z } from 'zod';
import { zodIssues, type FieldIssue } from '../events/ingestEvents';

/** 400 with a message naming every bad field, and the issues one by one. */
export function badRequest(res: Response, issues: FieldIssue[] | z.ZodError, error = 'invalid_request') {
  const list = Array.isArray(issues) ? issues : zodIssues(issues);
  return res.status(400).json({ error, message: list.map((i) => `${i.field}: ${i.message}`).join('; '), issues: list });
}
