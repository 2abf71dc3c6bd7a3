import { DISASTER_OFF, type DisasterView } from '../../../shared/protocol/disaster.ts';
import type { DisasterService } from './disasterService.ts';
import type { Logger } from '../logger.ts';

/** How often each process reads disaster mode again: a switch made through another process shows within this. */
const RELOAD_MS = 2000;

/**
 * Whether the city hall is in disaster mode, per process: read from the database (every process
 * agrees) every RELOAD_MS and at once after a switch made here; hall rooms listen and tell their people.
 */
export function createDisasterBoard(service: DisasterService, log: Logger) {
  let current: DisasterView = DISASTER_OFF;
  let key = JSON.stringify(current);
  const listeners = new Set<(view: DisasterView) => void>();

  /** Reads are numbered: one that started before a newer one finished must not undo it. */
  let started = 0;
  let applied = 0;
  async function reload(): Promise<void> {
    const seq = ++started;
    try {
      const next = await service.state();
      if (seq < applied) return;
      applied = seq;
      const nextKey = JSON.stringify(next);
      if (nextKey === key) return;
      key = nextKey;
      current = next;
      for (const l of listeners) l(current);
    } catch (err) {
      log.warn('reading disaster mode failed', err);
    }
  }
  const timer = setInterval(() => void reload(), RELOAD_MS);

  return {
    current: () => current,
    subscribe(listener: (view: DisasterView) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reload,
    close(): void {
      clearInterval(timer);
      listeners.clear();
    },
  };
}
export type DisasterBoard = ReturnType<typeof createDisasterBoard>;
