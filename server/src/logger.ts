import type { Config } from './config.ts';

const LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;

export interface Logger {
  error(msg: string, ...rest: unknown[]): void;
  warn(msg: string, ...rest: unknown[]): void;
  info(msg: string, ...rest: unknown[]): void;
  debug(msg: string, ...rest: unknown[]): void;
}

export function createLogger(level: Config['LOG_LEVEL']): Logger {
  const max = LEVELS.indexOf(level);
  const at =
    (l: (typeof LEVELS)[number], sink: (...a: unknown[]) => void) =>
    (msg: string, ...rest: unknown[]) => {
      if (LEVELS.indexOf(l) <= max) sink(`[${new Date().toISOString()}] ${l.toUpperCase()} ${msg}`, ...rest);
    };
  return {
    error: at('error', console.error),
    warn: at('warn', console.warn),
    info: at('info', console.log),
    debug: at('debug', console.log),
  };
}
