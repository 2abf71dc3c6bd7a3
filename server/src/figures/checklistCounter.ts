import type { SharedLimiter } from '../limits/sharedLimiter.ts';
import type { UsageRecorder } from '../services/usageCounts.ts';
import type { Logger } from '../logger.ts';

/** Checklists one address adds to the count per window; a script sending more is answered, not counted. */
export const CHECKLIST_COUNTS = { points: 10, perSeconds: 600 };

/**
 * Counts a life-event checklist made (by life event, nothing about who). The address is used only to
 * limit how much one address can add to the figures.
 */
export function checklistCounter(usage: UsageRecorder, limiter: SharedLimiter, log: Logger) {
  return (address: string, lifeEventId: string): void =>
    void limiter.take(address).then(
      (waitS) => {
        if (waitS === null) usage.record('checklist', lifeEventId);
      },
      (err: unknown) => log.warn('checklist count failed', err),
    );
}
