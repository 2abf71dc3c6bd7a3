import type { Client } from '@colyseus/core';
import type {
  ClientMessageOf,
  ClientType,
  RoomProtocol,
  ServerPayload,
  ServerType,
} from '../../../../shared/protocol/index.ts';
import { onValidMessage, type MessageRules } from './roomMessages.ts';

/** A typed sender for one room's protocol: only its server → client message names, with their payloads. */
export function teller<P extends RoomProtocol>(_protocol: P) {
  return <K extends ServerType<P>>(
    client: Client | undefined,
    type: K,
    message: ServerPayload<P, K>,
  ): void => {
    if (!client) return;
    if (message instanceof Uint8Array) client.sendBytes(type, message);
    else client.send(type, message);
  };
}

/** Registers a handler for one of the protocol's client messages: its schema first, then the rules. */
export function listenerFor<P extends RoomProtocol, C extends string>(
  protocol: P,
  room: Parameters<typeof onValidMessage>[0],
  rules: MessageRules<C>,
) {
  return <K extends ClientType<P>>(
    type: K,
    run: (client: Client, message: ClientMessageOf<P, K>) => unknown,
  ) => onValidMessage<P['client'][K], C>(room, rules, type, protocol.client[type] as P['client'][K], run);
}
