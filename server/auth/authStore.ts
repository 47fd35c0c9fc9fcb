import type { Role } from '../../shared/auth/roles';

export interface UserRecord {
  username: string;
  displayName: string;
  role: Role;
  scopeRegionId: string | null;
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
}

export interface TokenRecord {
  /** Short public id (for listing and revoking); the secret token itself is never stored. */
  id: string;
  name: string;
  role: Role;
  scopeRegionId: string | null;
  hash: string;
  createdAt: string;
  revokedAt: string | null;
}

/** One change made by a person (or a token): who, what, when, from where. */
export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  actorRole: Role;
  /** e.g. event.transition, alert.acknowledge, wall.push, user.add. */
  action: string;
  target: string;
  detail: Record<string, unknown>;
  /** Client address, or 'cli' for the users command. */
  ip: string;
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  fromMs?: number;
  toMs?: number;
  beforeSeq?: number;
  limit: number;
}

/** People, tokens, the session-signing secret and the audit log, in the same database as events. */
export interface AuthStore {
  migrate(): Promise<void>;
  addUser(u: Omit<UserRecord, 'createdAt'>): Promise<'created' | 'exists'>;
  getUser(username: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  updateUser(username: string, patch: Partial<Pick<UserRecord, 'passwordHash' | 'disabled' | 'role' | 'scopeRegionId' | 'displayName'>>): Promise<boolean>;
  addToken(t: Omit<TokenRecord, 'createdAt' | 'revokedAt'>): Promise<void>;
  findToken(hash: string): Promise<TokenRecord | null>;
  listTokens(): Promise<TokenRecord[]>;
  revokeToken(id: string): Promise<boolean>;
  /** The secret sessions are signed with; created once, shared by every server process. */
  sessionSecret(): Promise<Uint8Array>;
  audit(e: Omit<AuditEntry, 'seq' | 'at'> & { atMs: number }): Promise<AuditEntry>;
  queryAudit(q: AuditQuery): Promise<AuditEntry[]>;
}
