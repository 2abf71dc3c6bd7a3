import { z } from 'zod';

/** Codes double as i18n keys under `serverError.` on the client. */
export const ServerErrorCode = z.enum([
  'invalidMessage',
  'unknownMessage',
  'rateLimited',
  'forbidden',
  'noSuchCounter',
  'noSuchProcedure',
  'counterClosed',
  'outsideHours',
  'notAtCounter',
  'alreadyQueued',
  'noTicket',
  'queueEmpty',
  'alreadyServing',
  'notYourTicket',
  'ticketNotActive',
  'sameCounter',
  'inConsultation',
  'notConsulting',
  'noSuchBooking',
  'notBooked',
  'wrongCounter',
  'tooEarly',
  'notHolder',
  'tooLate',
  'noSuchSlot',
  'past',
  'startsInPast',
  'full',
  'alreadyBooked',
  'noSuchSeat',
  'notAtSeat',
  'seatTaken',
]);
export type ServerErrorCode = z.infer<typeof ServerErrorCode>;

/** The answer to a message the server refused. Nothing changed on the server when this is sent. */
export const ServerErrorMessage = z.object({
  code: ServerErrorCode,
  /** The message type that was refused. */
  type: z.string(),
  /** Human-readable detail in English for developers and logs; the UI shows the translated code. */
  detail: z.string(),
});
export type ServerErrorMessage = z.infer<typeof ServerErrorMessage>;

/** Reasons a join is refused, as sent in the matchmaking error; also i18n keys under `joinError.`. */
export const JoinErrorCode = z.enum([
  'invalidOptions',
  'hallFull',
  'staffPassInvalid',
  'tooManyJoins',
  'rateLimited',
]);
export type JoinErrorCode = z.infer<typeof JoinErrorCode>;
