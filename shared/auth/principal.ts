import type { Role } from './roles';

/** Who is making a request: a person, a wall screen, or an integrating system. */
export interface Principal {
  kind: 'user' | 'screen' | 'client';
  /** Username, or the token's id. */
  id: string;
  /** Display name, for audit entries and "who is driving the wall". */
  name: string;
  role: Role;
  /** The region this principal is limited to (it and everything below); null for all. */
  scopeRegionId: string | null;
}
