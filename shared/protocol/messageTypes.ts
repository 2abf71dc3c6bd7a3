/** Every message type on the wire, in one place, so client and server cannot drift apart. */
export const ClientMessage = {
  move: 'move',
} as const;
export type ClientMessage = (typeof ClientMessage)[keyof typeof ClientMessage];

export const ServerMessage = {
  correction: 'correction',
  error: 'error',
} as const;
export type ServerMessage = (typeof ServerMessage)[keyof typeof ServerMessage];
