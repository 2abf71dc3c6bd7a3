import type { Room } from '@colyseus/sdk';

/**
 * How long the SDK keeps trying the same room after the connection drops: about three seconds
 * (0.2 + 0.4 + 0.8 + 1.6 s between tries). A network that comes back sooner gets the same seat; longer,
 * or a server process that died, means joining afresh (another process takes us, and the server finds
 * our ticket, consultation or briefing again). Trying the dead process for a minute would keep people
 * out for that minute.
 */
export function reconnectBriefly(room: Pick<Room, 'reconnection'>): void {
  // Even right after joining: a resident on a weak link must not be dropped for good.
  room.reconnection.minUptime = 0;
  room.reconnection.maxRetries = 4;
  room.reconnection.maxDelay = 2000;
}
