/**
 * Who uses GridPulse: a wall screen (viewer, by a long-lived screen token), a leader on a tablet,
 * a duty officer at the console, an administrator, and integrating systems that report events
 * (ingest, by an API token).
 */
export const ROLES = ['viewer', 'leader', 'officer', 'admin', 'ingest'] as const;
export type Role = (typeof ROLES)[number];
/** Roles a person signs in with (the others are tokens). */
export const PERSON_ROLES = ['leader', 'officer', 'admin'] as const satisfies readonly Role[];
export const TOKEN_ROLES = ['viewer', 'ingest'] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  viewer: { zh: '大屏', en: 'Wall screen' },
  leader: { zh: '领导', en: 'Leader' },
  officer: { zh: '值班员', en: 'Duty officer' },
  admin: { zh: '管理员', en: 'Administrator' },
  ingest: { zh: '接入系统', en: 'Ingest client' },
};

/** What each role may do. Every REST route and socket event names one of these. */
export const PERMISSIONS = {
  /** Report events (POST /api/events). */
  'events.report': ['ingest', 'officer', 'admin'],
  /** List and read events and their history over REST. */
  'events.read': ['leader', 'officer', 'admin'],
  /** Move events along the closed loop. */
  'events.act': ['officer', 'admin'],
  /** Read alerts over REST. */
  'alerts.read': ['leader', 'officer', 'admin'],
  /** Acknowledge and handle alerts. */
  'alerts.act': ['officer', 'admin'],
  /** The live stream, the geography and region indicators. */
  'stream.watch': ['viewer', 'leader', 'officer', 'admin'],
  /** Send a view to wall screens, and release them. */
  'wall.drive': ['leader', 'admin'],
  /** Names and phone numbers of reporters, unmasked. */
  'personal.read': ['officer', 'admin'],
  /** The audit log. */
  'audit.read': ['admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
