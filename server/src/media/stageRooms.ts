import { randomBytes } from 'node:crypto';
import { janusRoomOf, type JanusClient } from './janusClient.ts';

export interface StageInfo {
  url: string;
  room: number;
  pin: string;
}

/**
 * The Janus VideoRoom of each live briefing, protected by a random PIN that the server gives only to
 * people inside the briefing room.
 */
export function createStageRooms(janus: JanusClient, publicUrl: string) {
  const pins = new Map<number, string>();
  return {
    async open(eventId: number, title: string): Promise<void> {
      const pin = randomBytes(12).toString('base64url');
      await janus.createRoom(janusRoomOf(eventId), title.slice(0, 100), 4, pin);
      pins.set(eventId, pin);
    },
    async close(eventId: number): Promise<void> {
      pins.delete(eventId);
      if (await janus.exists(janusRoomOf(eventId)).catch(() => false))
        await janus.destroyRoom(janusRoomOf(eventId));
    },
    info(eventId: number): StageInfo | null {
      const pin = pins.get(eventId);
      return pin ? { url: publicUrl, room: janusRoomOf(eventId), pin } : null;
    },
  };
}
export type StageRooms = ReturnType<typeof createStageRooms>;
