import type { Room } from '@colyseus/sdk';
import type {
  ClientPayload,
  ClientType,
  RoomProtocol,
  ServerMessageOf,
  ServerType,
} from '../../../shared/protocol/index.ts';

/** A typed sender for one room's protocol: only its client → server message names, with their payloads. */
export function speaker<P extends RoomProtocol>(_protocol: P) {
  return <K extends ClientType<P>>(
    room: Room | null | undefined,
    type: K,
    payload: ClientPayload<P, K>,
  ): void => room?.send(type, payload);
}

/**
 * A typed receiver for one room's protocol: the handler gets the message only after the protocol's
 * schema checked it (a server of another version, or a bug, is logged, not acted on).
 */
export function receiver<P extends RoomProtocol>(protocol: P) {
  return <K extends ServerType<P>>(
    room: Room,
    type: K,
    handler: (message: ServerMessageOf<P, K>) => void,
  ): void => {
    room.onMessage(type, (raw: unknown) => {
      const parsed = protocol.server[type]!.safeParse(raw);
      if (parsed.success) handler(parsed.data as ServerMessageOf<P, K>);
      else console.warn(`the server sent a "${type}" this client does not understand`);
    });
  };
}
