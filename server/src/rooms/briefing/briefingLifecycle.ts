import { matchMaker } from '@colyseus/core';
import { BRIEFING_ROOM, BriefingProtocol, type EventView } from '../../../../shared/protocol/index.ts';
import { DomainError } from '../../domainError.ts';
import type { StageRooms } from '../../media/stageRooms.ts';
import { JanusError } from '../../media/janusClient.ts';
import type { Logger } from '../../logger.ts';

/**
 * Going live first creates the event's Janus VideoRoom (when Janus is configured): if Janus cannot, the
 * event stays scheduled and the host can try again. Ending closes the briefing room for everyone even
 * when Janus fails to destroy its room.
 */
export function briefingLifecycle(stage: StageRooms | null, log: Logger) {
  return {
    async beforeLive(e: EventView): Promise<(() => Promise<void>) | void> {
      if (!stage) return;
      await stage.open(e.id, e.title.en).catch((err: unknown) => {
        // Only Janus's own failures are the video server's: anything else is a fault, and says so.
        if (!(err instanceof JanusError)) throw err;
        log.error(`could not open the stage of event ${e.id} in Janus`, err);
        if (err.reachable)
          throw new DomainError('stageRefused', `the video server refused to open the stage: ${err.message}`);
        throw new DomainError('stageUnavailable', 'the video server could not open the stage; try again');
      });
      return () => stage.close(e.id);
    },
    async afterEnd(e: EventView): Promise<void> {
      try {
        await stage?.close(e.id);
      } catch (err) {
        log.error(`could not destroy the stage of event ${e.id} in Janus`, err);
      } finally {
        await closeBriefingRooms(e.id);
      }
    },
  };
}

/** The event's briefing rooms on whichever process they run (through the matchmaker). */
const briefingRooms = async (eventId: number) =>
  (await matchMaker.query({ name: BRIEFING_ROOM })).filter(
    (r) => (r.metadata as { eventId?: number } | undefined)?.eventId === eventId,
  );

/** Everyone in them is closed out with `ended`, so they are told the briefing is over, not that they left. */
async function closeBriefingRooms(eventId: number): Promise<void> {
  for (const r of await briefingRooms(eventId))
    await matchMaker.remoteRoomCall(r.roomId, 'disconnect', [BriefingProtocol.close.ended]);
}

/** A deck uploaded during the event reaches everyone in it at once. */
export async function tellDeck(eventId: number, pages: number): Promise<void> {
  for (const r of await briefingRooms(eventId)) await matchMaker.remoteRoomCall(r.roomId, 'setDeck', [pages]);
}
