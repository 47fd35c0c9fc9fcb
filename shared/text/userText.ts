import { z } from 'zod';

/**
 * A string a person or a client typed, up to `max` characters. NUL is refused: PostgreSQL cannot
 * store it in text, and no form has a reason to send it.
 */
export function userText(max: number) {
  return z
    .string()
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'must not contain NUL (\\u0000)');
}
