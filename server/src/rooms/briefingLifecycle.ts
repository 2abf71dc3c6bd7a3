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

async function briefingRooms(eventId: number) {
  const rooms = await matchMaker.query({ name: BRIEFING_ROOM });
  return rooms
    .filter((r) => (r.metadata as { eventId?: number } | undefined)?.eventId === eventId)
    .map((r) => matchMaker.getLocalRoomById(r.roomId))
    .filter((r) => r !== undefined);
}

async function closeBriefingRooms(eventId: number): Promise<void> {
  for (const r of await briefingRooms(eventId)) await r.disconnect();
}

/** A deck uploaded during the event reaches everyone in it at once. */
export async function tellDeck(eventId: number, pages: number): Promise<void> {
  for (const r of await briefingRooms(eventId)) (r as unknown as { setDeck(n: number): void }).setDeck(pages);
}
