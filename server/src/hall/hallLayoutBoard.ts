import { hallVersion, onHallChange, putHallInUse } from '../../../shared/layout/hallLayout.ts';
import type { Logger } from '../logger.ts';
import type { HallLayoutService, LiveLayout } from './hallLayoutService.ts';

/** How often each process looks for a layout put live through another process. */
const RELOAD_MS = 2000;

/**
 * Which hall layout this process uses: the one an admin put live last (read from the database, so all
 * processes agree within RELOAD_MS), else the HALL_FILE one it started with. Hall rooms subscribe and
 * move their people; HTTP routes read `getHall()`, which always answers with the layout in use.
 */
export function createHallLayoutBoard(service: HallLayoutService, fromFile: LiveLayout, log: Logger) {
  let started = 0;
  let applied = 0;
  async function reload(): Promise<void> {
    const seq = ++started;
    try {
      // Every 2 s a version is read; the layout itself only when it is not the one in use.
      const version = (await service.liveVersion()) ?? fromFile.version;
      const live = version === hallVersion() ? null : ((await service.live()) ?? fromFile);
      if (seq < applied) return;
      applied = seq;
      if (live) putHallInUse(live.layout, live.version);
    } catch (err) {
      log.warn('reading the live hall layout failed', err);
    }
  }
  const timer = setInterval(() => void reload(), RELOAD_MS);

  return {
    version: hallVersion,
    /** Called with the new version after the layout in use changed (in this process). */
    subscribe: (listener: (version: string) => void) => onHallChange(listener),
    reload,
    close(): void {
      clearInterval(timer);
    },
  };
}
export type HallLayoutBoard = ReturnType<typeof createHallLayoutBoard>;
