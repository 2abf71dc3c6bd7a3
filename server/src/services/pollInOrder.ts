import type { Logger } from '../logger.ts';

/**
 * What every process keeps a copy of from the database (announcements, disaster mode, the hall plan,
 * the catalogue): read every `everyMs`, and at once when asked (after a change made here). A read is
 * applied unless one started later was applied first, so a slow read never undoes a newer one; the
 * timer skips a turn while a read is still out. A failed read is logged; the next turn tries again.
 */
export function pollInOrder<T>(
  read: () => Promise<T>,
  apply: (value: T) => void | Promise<void>,
  opts: { everyMs: number; what: string; log: Logger },
) {
  let started = 0;
  let applied = 0;
  let out = 0;
  async function reload(): Promise<void> {
    const seq = ++started;
    out++;
    try {
      const value = await read();
      if (seq < applied) return;
      applied = seq;
      await apply(value);
    } catch (err) {
      opts.log.warn(`reading ${opts.what} failed`, err);
    } finally {
      out--;
    }
  }
  const timer = setInterval(() => {
    if (out === 0) void reload();
  }, opts.everyMs);
  timer.unref();
  return { reload, stop: () => clearInterval(timer) };
}
