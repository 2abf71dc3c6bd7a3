import type { ServerErrorCode } from '../../../../shared/protocol/errors.ts';
import type { BriefingErrorCode } from '../../../../shared/protocol/briefing.ts';

/** A refused client message; nothing changed. The code is an i18n key on the client. */
export class RoomRefusal<C extends string> extends Error {
  constructor(
    readonly code: C,
    message: string,
  ) {
    super(message);
  }
}

/** Refused in the hall: at a counter, in the queue, on a seat. */
export class DeskError extends RoomRefusal<ServerErrorCode> {}

/** Refused in a briefing: a question, a vote, the stage. */
export class BriefingError extends RoomRefusal<BriefingErrorCode> {}
