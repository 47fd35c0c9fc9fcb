import type { Role } from '../../shared/auth/roles';

/** Where a person lands after log-in when no page was asked for: the page made for their role. */
export function landingPage(role: Role): string {
  switch (role) {
    case 'officer':
    case 'admin':
      return '/console';
    case 'leader':
      return '/tablet';
    default:
      return '/';
  }
}

/**
 * The page to return to after log-in (`?next=`), only when it is a path of this site: an
 * absolute or protocol-relative address (`//evil.example`) would make the log-in page an open
 * redirect, and the log-in page itself would loop. Otherwise null.
 */
export function safeNext(next: unknown): string | null {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return null;
  if (/^\/login(?:[/?#]|$)/.test(next)) return null;
  return next;
}
