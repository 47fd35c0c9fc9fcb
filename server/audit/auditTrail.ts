import type { Logger } from 'pino';
import type { Principal } from '../../shared/auth/principal';
import type { AuthStore } from '../auth/authStore';

/**
 * Writes the audit log: every change a person (or a token) makes — who, what, when, from where.
 * Awaited before the change is answered, so an acknowledged change has its entry.
 */
export class AuditTrail {
  constructor(
    private readonly store: AuthStore,
    private readonly now: () => number,
    private readonly log: Logger,
  ) {}

  async record(who: Principal, action: string, target: string, detail: Record<string, unknown>, ip: string): Promise<void> {
    try {
      await this.store.audit({ atMs: this.now(), actor: who.id, actorRole: who.role, action, target, detail: { name: who.name, ...detail }, ip });
    } catch (err) {
      // The change itself is already stored; say loudly that its entry is missing.
      this.log.error({ err, actor: who.id, action, target }, 'audit entry could not be written');
    }
  }
}
