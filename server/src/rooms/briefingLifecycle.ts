import { matchMaker } from '@colyseus/core';
import { BRIEFING_ROOM } from '../../../shared/protocol/index.ts';

import type { JanusClient } from '../media/janusClient.ts';
import { janusRoomOf } from '../media/janusClient.ts';

/**
 * Going live creates the event's Janus VideoRoom (when Janus is configured); ending destroys it and
 * closes the briefing room for everyone.
 */
export function briefingLifecycle(janus: JanusClient | null) {
  return async (eventId: number, status: 'live' | 'ended', title = ''): Promise<void> => {
    if (status === 'live') {
      await janus?.createRoom(janusRoomOf(eventId), title.slice(0, 100), 4);
      return;
    }
    if (janus && (await janus.exists(janusRoomOf(eventId)).catch(() => false))) {
      await janus.destroyRoom(janusRoomOf(eventId));
    }
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
