import { matchMaker } from '@colyseus/core';
import { HALL_ROOM } from '../../../../shared/constants.ts';
import type { EventView } from '../../../../shared/protocol/index.ts';
import type { Logger } from '../../logger.ts';

/**
 * Tells every hall room, on whichever process it runs, that a briefing was created, started or ended:
 * residents waiting in the hall see it at once instead of at their list's next poll. Rooms are told side
 * by side, so one process that does not answer delays nobody else.
 */
export async function tellHalls(event: EventView, log: Logger): Promise<void> {
  const halls = await matchMaker.query({ name: HALL_ROOM });
  const told = await Promise.allSettled(
    halls.map((r) => matchMaker.remoteRoomCall(r.roomId, 'briefingChanged', [event])),
  );
  const failed = told.filter((t) => t.status === 'rejected').length;
  if (failed > 0) log.warn(`${failed} of ${halls.length} hall rooms were not told of briefing ${event.id}`);
}
