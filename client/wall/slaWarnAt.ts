/**
 * Share of a case's allowed time after which its light turns yellow, until a snapshot says what
 * the server has in force (FocusSnapshot.warnAt, from config/time-limits.json; default 0.7,
 * DOMAIN.md).
 */
export const SLA_WARN_AT = 0.7;
