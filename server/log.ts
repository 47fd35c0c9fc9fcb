import { pino, type Logger } from 'pino';

export type { Logger };

/** The process's structured logger (JSON lines on stdout; pipe through pino-pretty to read). */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'gridpulse' } });
}
