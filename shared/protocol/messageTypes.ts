/** Every message type on the wire, in one place, so client and server cannot drift apart. */
export const ClientMessage = {
  move: 'move',
  sit: 'sit',
  // Residents
  takeTicket: 'takeTicket',
  leaveQueue: 'leaveQueue',
  answerCall: 'answerCall',
  checkIn: 'checkIn',
  // Staff (refused for residents)
  takeCounter: 'takeCounter',
  leaveCounter: 'leaveCounter',
  setCounterStatus: 'setCounterStatus',
  callNext: 'callNext',
  markDone: 'markDone',
  markNoShow: 'markNoShow',
  transfer: 'transfer',
} as const;
export type ClientMessage = (typeof ClientMessage)[keyof typeof ClientMessage];

/** Messages only staff may send; the server checks the role it issued, never the client's claim. */
export const STAFF_MESSAGES: ReadonlySet<string> = new Set([
  ClientMessage.takeCounter,
  ClientMessage.leaveCounter,
  ClientMessage.setCounterStatus,
  ClientMessage.callNext,
  ClientMessage.markDone,
  ClientMessage.markNoShow,
  ClientMessage.transfer,
]);

export const ServerMessage = {
  correction: 'correction',
  error: 'error',
  /** To a resident: the resume token that finds their ticket again after a lost connection. */
  identity: 'identity',
  /** To a resident: their ticket (or null), whenever it changes. */
  ticket: 'ticket',
  /** To a staff member: their counter's queue and the ticket they are handling. */
  staffQueue: 'staffQueue',
  /** To both people of a consultation: the private room to join. */
  consultation: 'consultation',
  /** To a staff member: who they are in the hall. */
  staffProfile: 'staffProfile',
  /** Bytes: where the nearest people stand, those who moved (protocol/poses.ts). */
  poses: 'poses',
  /** Bytes: where the next ring of people stand, as nameless markers (protocol/poses.ts). */
  far: 'far',
} as const;
export type ServerMessage = (typeof ServerMessage)[keyof typeof ServerMessage];

/** Consultation room messages. */
export const ConsultationClientMessage = {
  chat: 'chat',
  signal: 'signal',
  mediaState: 'mediaState',
  shareProcedure: 'shareProcedure',
  end: 'end',
  rate: 'rate',
} as const;
export const ConsultationServerMessage = {
  ended: 'ended',
  error: 'error',
  signal: 'signal',
  rated: 'rated',
} as const;
