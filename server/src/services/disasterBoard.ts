import { DISASTER_OFF, type DisasterView } from '../../../shared/protocol/disaster.ts';
import type { DisasterService } from './disasterService.ts';
import type { Logger } from '../logger.ts';
import { pollInOrder } from './pollInOrder.ts';

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

  const { reload, stop } = pollInOrder(
    () => service.state(),
    (next) => {
      const nextKey = JSON.stringify(next);
      if (nextKey === key) return;
      key = nextKey;
      current = next;
      for (const l of listeners) l(current);
    },
    { everyMs: RELOAD_MS, what: 'disaster mode', log },
  );

  return {
    current: () => current,
    subscribe(listener: (view: DisasterView) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reload,
    close(): void {
      stop();
      listeners.clear();
    },
  };
}
export type DisasterBoard = ReturnType<typeof createDisasterBoard>;
