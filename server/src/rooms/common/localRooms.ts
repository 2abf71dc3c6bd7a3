import { matchMaker } from '@colyseus/core';

/**
 * The rooms of one kind that live in this process, optionally only those whose metadata matches, typed as
 * the few methods the caller needs from them.
 */
export async function localRooms<T>(name: string, matches: (metadata: unknown) => boolean = () => true) {
  const listed = await matchMaker.query({ name });
  return listed
    .filter((r) => matches(r.metadata))
    .map((r) => matchMaker.getLocalRoomById(r.roomId) as unknown as T | undefined)
    .filter((r): r is T => r !== undefined);
}
