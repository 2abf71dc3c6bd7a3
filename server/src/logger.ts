import pino from 'pino';
import type { Config } from './config.ts';

export interface Logger {
  error(msg: string, ...rest: unknown[]): void;
  warn(msg: string, ...rest: unknown[]): void;
  info(msg: string, ...rest: unknown[]): void;
  debug(msg: string, ...rest: unknown[]): void;
}

/** Extra arguments as structured fields: an error under `err` (pino serialises its stack), the rest as `detail`. */
function fields(rest: unknown[]): object {
  const err = rest.find((r) => r instanceof Error);
  const detail = rest.filter((r) => r !== err);
  return {
    ...(err ? { err } : {}),
    ...(detail.length ? { detail: detail.length === 1 ? detail[0] : detail } : {}),
  };
}

/**
 * Structured JSON logs, one line per event (pino), for a log collector to read. Messages name what
 * happened and never carry personal data: no nicknames, contacts, notes or tokens.
 */
export function createLogger(level: Config['LOG_LEVEL'], destination?: pino.DestinationStream): Logger {
  const log = pino(
    { level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime },
    destination,
  );
  const at =
    (l: 'error' | 'warn' | 'info' | 'debug') =>
    (msg: string, ...rest: unknown[]) =>
      rest.length ? log[l](fields(rest), msg) : log[l](msg);
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}
