import { createHash, randomBytes } from 'node:crypto';

/** Long-lived tokens (screens, ingest clients) start with this, so they are told from sessions. */
export const TOKEN_PREFIX = 'gp_';

/** A new random token (shown once) and the hash that is stored instead of it. */
export function newApiToken(): { token: string; hash: string } {
  const token = TOKEN_PREFIX + randomBytes(24).toString('base64url');
  return { token, hash: hashApiToken(token) };
}

/** SHA-256, hex: tokens are long random strings, so a fast hash is enough (unlike passwords). */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
