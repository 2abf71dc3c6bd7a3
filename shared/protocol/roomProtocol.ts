import { z } from 'zod';

/** A binary payload (`sendBytes`): the schema only checks that it is bytes; its own codec reads it. */
export const Bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes');

/**
 * Everything a room and its clients say to each other, in one place, in both directions: each message
 * type with the zod schema its receiver checks it with, the close codes the server uses and the codes a
 * join is refused with. Typed send and receive helpers on both sides are built from it (server:
 * rooms/common/typedMessages.ts, client: net/typedRoom.ts), so a message name or payload cannot drift.
 */
export interface RoomProtocol {
  /** Client → server. */
  client: Record<string, z.ZodType>;
  /** Server → client. */
  server: Record<string, z.ZodType>;
  /** WebSocket close codes the room uses on purpose (Colyseus has its own below 4100). */
  close: Record<string, number>;
  /** Why a join is refused: the matchmaking error's message starts with the code. */
  joinRefusals: z.ZodEnum;
}

export const defineProtocol = <P extends RoomProtocol>(p: P): P => p;

export type ClientType<P extends RoomProtocol> = keyof P['client'] & string;
export type ServerType<P extends RoomProtocol> = keyof P['server'] & string;
/** What a sender may pass (before the schema's defaults and transforms). */
export type ClientPayload<P extends RoomProtocol, K extends ClientType<P>> = z.input<P['client'][K]>;
export type ServerPayload<P extends RoomProtocol, K extends ServerType<P>> = z.input<P['server'][K]>;
/** What a receiver gets after checking. */
export type ClientMessageOf<P extends RoomProtocol, K extends ClientType<P>> = z.output<P['client'][K]>;
export type ServerMessageOf<P extends RoomProtocol, K extends ServerType<P>> = z.output<P['server'][K]>;

/** `{ move: 'move', … }` from a protocol's message names, for call sites that prefer a constant. */
export function namesOf<T extends Record<string, unknown>>(messages: T): { [K in keyof T]: K } {
  return Object.fromEntries(Object.keys(messages).map((k) => [k, k])) as { [K in keyof T]: K };
}
