import { matchMaker } from '@colyseus/core';
import { BRIEFING_ROOM } from '../../../shared/protocol/index.ts';

/** When a host ends an event, its briefing room closes for everyone. */
export async function closeBriefingWhenEnded(eventId: number, status: 'live' | 'ended'): Promise<void> {
  if (status !== 'ended') return;
  const rooms = await matchMaker.query({ name: BRIEFING_ROOM });
  for (const r of rooms) {
    if ((r.metadata as { eventId?: number } | undefined)?.eventId === eventId) {
      await matchMaker.getLocalRoomById(r.roomId)?.disconnect();
    }
  }
}
