import { matchMaker } from '@colyseus/core';
import { BRIEFING_ROOM } from '../../../shared/protocol/index.ts';

import type { StageRooms } from '../media/stageRooms.ts';

/**
 * Going live creates the event's Janus VideoRoom (when Janus is configured); ending destroys it and
 * closes the briefing room for everyone.
 */
export function briefingLifecycle(stage: StageRooms | null) {
  return async (eventId: number, status: 'live' | 'ended', title = ''): Promise<void> => {
    if (status === 'live') {
      await stage?.open(eventId, title);
      return;
    }
    await stage?.close(eventId);
    await closeBriefingRooms(eventId);
  };
}

async function closeBriefingRooms(eventId: number): Promise<void> {
  const rooms = await matchMaker.query({ name: BRIEFING_ROOM });
  for (const r of rooms) {
    if ((r.metadata as { eventId?: number } | undefined)?.eventId === eventId) {
      await matchMaker.getLocalRoomById(r.roomId)?.disconnect();
    }
  }
}
