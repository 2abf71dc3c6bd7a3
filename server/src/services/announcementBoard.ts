import type { AnnouncementRecord, AnnouncementView } from '../../../shared/protocol/announcements.ts';
import type { AnnouncementService } from './announcementService.ts';
import type { Logger } from '../logger.ts';
import { pollInOrder } from './pollInOrder.ts';

/** How often each process reads the announcements again: another process's new one shows within this. */
export const ANNOUNCEMENT_RELOAD_MS = 2000;
/** How often it checks whether a scheduled one has begun or a timed one has run out. */
const TICK_MS = 500;

const showing = (a: AnnouncementRecord, now: number) =>
  Date.parse(a.startsAt) <= now && (a.endsAt === null || Date.parse(a.endsAt) > now);

const viewOf = ({ id, severity, texts, startsAt, endsAt }: AnnouncementRecord): AnnouncementView => ({
  id,
  severity,
  texts,
  startsAt,
  endsAt,
});

/**
 * What the hall shows now, per process: the announcements not over yet, read from the database (the
 * truth every process shares) every ANNOUNCEMENT_RELOAD_MS and at once after a change made here.
 * Hall rooms listen and send the list to their people whenever it changes.
 */
export function createAnnouncementBoard(service: AnnouncementService, log: Logger) {
  let notOver: AnnouncementRecord[] = [];
  let current: AnnouncementView[] = [];
  let key = '';
  const listeners = new Set<(list: AnnouncementView[]) => void>();

  function recompute(now = Date.now()): void {
    const next = notOver.filter((a) => showing(a, now));
    const nextKey = next.map((a) => `${a.id}:${a.endsAt ?? ''}`).join(',');
    if (nextKey === key) return;
    key = nextKey;
    // Emergencies first, then the newest.
    const rank = { emergency: 0, warning: 1, info: 2 } as const;
    current = next
      .sort((a, b) => rank[a.severity] - rank[b.severity] || b.startsAt.localeCompare(a.startsAt))
      .map(viewOf);
    for (const l of listeners) l(current);
  }

  const { reload, stop } = pollInOrder(
    () => service.notOver(),
    (read) => {
      notOver = read;
      recompute();
    },
    { everyMs: ANNOUNCEMENT_RELOAD_MS, what: 'announcements', log },
  );
  const ticker = setInterval(() => recompute(), TICK_MS);

  return {
    current: () => current,
    /** Calls `listener` with the whole list whenever it changes; returns the unsubscribe. */
    subscribe(listener: (list: AnnouncementView[]) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reload,
    close(): void {
      stop();
      clearInterval(ticker);
      listeners.clear();
    },
  };
}
export type AnnouncementBoard = ReturnType<typeof createAnnouncementBoard>;
