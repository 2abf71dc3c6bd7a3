import { hallVersion, onHallChange, putHallInUse } from '../../../shared/layout/hallLayout.ts';
import type { Logger } from '../logger.ts';
import { pollInOrder } from '../services/pollInOrder.ts';
import type { HallLayoutService, LiveLayout } from './hallLayoutService.ts';

/** How often each process looks for a layout put live through another process. */
const RELOAD_MS = 2000;

/**
 * Which hall layout this process uses: the one an admin put live last (read from the database, so all
 * processes agree within RELOAD_MS), else the HALL_FILE one it started with. Hall rooms subscribe and
 * move their people; HTTP routes read `getHall()`, which always answers with the layout in use.
 */
export function createHallLayoutBoard(service: HallLayoutService, fromFile: LiveLayout, log: Logger) {
  const { reload, stop } = pollInOrder(
    // Each turn reads a version; the layout itself only when it is not the one in use.
    async () => {
      const version = (await service.liveVersion()) ?? fromFile.version;
      return version === hallVersion() ? null : ((await service.live()) ?? fromFile);
    },
    (live) => {
      if (live) putHallInUse(live.layout, live.version);
    },
    { everyMs: RELOAD_MS, what: 'the live hall layout', log },
  );

  return {
    version: hallVersion,
    /** Called with the new version after the layout in use changed (in this process). */
    subscribe: (listener: (version: string) => void) => onHallChange(listener),
    reload,
    close: stop,
  };
}
export type HallLayoutBoard = ReturnType<typeof createHallLayoutBoard>;
