import { z } from 'zod';
import { defineProtocol, namesOf } from './roomProtocol.ts';
import {
  ChatMessage,
  ConsultationEndReason,
  ConsultationSignalMessage,
  MediaStateMessage,
  ShareProcedureMessage,
} from './consultation.ts';
import { RatingMessage } from './records.ts';
import { EmptyMessage } from './queue.ts';
import { ServerErrorMessage } from './errors.ts';

/** Why the consultation room refused a message. */
export const ConsultationErrorCode = z.enum([
  'invalidMessage',
  'unknownMessage',
  'forbidden',
  'rateLimited',
  'notInRoom',
  'noSuchProcedure',
  'noSuchRecord',
  'alreadyRated',
]);
export type ConsultationErrorCode = z.infer<typeof ConsultationErrorCode>;

export const ConsultationRefusal = ServerErrorMessage.extend({ code: ConsultationErrorCode });
export type ConsultationRefusal = z.infer<typeof ConsultationRefusal>;

/** A relayed offer, answer, candidate or greeting, with who sent it (set by the server). */
export const IncomingConsultationSignal = ConsultationSignalMessage.omit({ to: true }).extend({
  from: z.string(),
});

/** The private consultation room: chat, media signalling between its two people, the end and a rating. */
export const ConsultationProtocol = defineProtocol({
  client: {
    chat: ChatMessage,
    signal: ConsultationSignalMessage,
    mediaState: MediaStateMessage,
    shareProcedure: ShareProcedureMessage,
    end: EmptyMessage,
    rate: RatingMessage,
  },
  server: {
    ended: z.object({ reason: ConsultationEndReason }),
    error: ConsultationRefusal,
    signal: IncomingConsultationSignal,
    rated: z.object({}),
  },
  close: {},
  joinRefusals: z.enum(['forbidden']),
});
export type ConsultationProtocol = typeof ConsultationProtocol;

export const ConsultationClientMessage = namesOf(ConsultationProtocol.client);
export const ConsultationServerMessage = namesOf(ConsultationProtocol.server);
