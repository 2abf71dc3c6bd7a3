import type { Room } from '@colyseus/sdk';

/** Closes the socket under the SDK as a network failure would (no consent, no close code). */
export function dropSocket(room: Pick<Room, 'connection'>): void {
  (room.connection.transport as unknown as { ws: { close(): void } }).ws.close();
}
