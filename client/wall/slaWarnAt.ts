/**
 * Share of a case's allowed time after which its light turns yellow. The server reads it from
 * config/time-limits.json (default 0.7, DOMAIN.md); screens are not sent it yet, so the wall
 * uses the same default. (Asked of the protocol: carry warnAt in the snapshot.)
 */
export const SLA_WARN_AT = 0.7;
