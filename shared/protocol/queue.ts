import { z } from 'zod';
import { plainText } from '../plainText.ts';
import { IceServer } from './consultation.ts';
import { LANGUAGES } from '../constants.ts';
import { LanguageCode } from '../i18n/languages.ts';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'not an id');

export const CounterStatus = z.enum(['open', 'busy', 'away', 'closed']);
export type CounterStatus = z.infer<typeof CounterStatus>;

export const TicketStatus = z.enum(['waiting', 'called', 'serving', 'done', 'noShow', 'left', 'expired']);
export type TicketStatus = z.infer<typeof TicketStatus>;

// Resident → server
/** `lang`: the language the resident reads now (they may have switched since entering), for the ticket. */
/** The longest line of a handed-over conversation (the client cuts longer ones, the server refuses them). */
export const MAX_HANDOVER_CHARS = 600;
/** One turn of the resident's conversation with the guide, handed over with a number at the desk. */
export const HandoverLine = z.strictObject({
  from: z.enum(['resident', 'guide']),
  text: plainText({
    label: 'a line of the conversation',
    max: MAX_HANDOVER_CHARS,
    required: true,
    lines: true,
  }),
});
export type HandoverLine = z.infer<typeof HandoverLine>;
export const MAX_HANDOVER_LINES = 20;

export const TakeTicketMessage = z.strictObject({
  counterId: Id,
  procedureId: Id.optional(),
  lang: LanguageCode.optional(),
  /** At the information desk: the conversation with the guide so far, for the staff member who answers. */
  handover: z.array(HandoverLine).max(MAX_HANDOVER_LINES).optional(),
});
export type TakeTicketMessage = z.infer<typeof TakeTicketMessage>;
export const EmptyMessage = z.strictObject({}).optional();

// Staff → server
export const TakeCounterMessage = z.strictObject({ counterId: Id });
export const SetCounterStatusMessage = z.strictObject({ status: CounterStatus });
export const TicketActionMessage = z.strictObject({ ticketId: z.number().int().positive() });
export const TransferMessage = z.strictObject({
  ticketId: z.number().int().positive(),
  toCounterId: Id,
  note: plainText({ label: 'the note', max: 200 }),
});
export type TransferMessage = z.infer<typeof TransferMessage>;

/** A resident's own ticket, sent only to them whenever it changes (number, place, estimate, call). */
export const TicketView = z.object({
  id: z.number(),
  number: z.number(),
  counterId: z.string(),
  procedureId: z.string().nullable(),
  status: TicketStatus,
  /** 1 = next. 0 once called. */
  position: z.number(),
  /** Estimated wait in minutes; 0 = shortly (a free staff member, nobody ahead). */
  etaMinutes: z.number(),
  /** What the estimate rests on, shown with it: today's consultations at this counter and their average. */
  etaBasis: z.object({ servicesToday: z.number(), averageMinutes: z.number() }),
  /** Epoch ms by which a called resident must answer, else it counts as a no-show. */
  answerBy: z.number().nullable(),
  transferFrom: z.string().nullable(),
});
export type TicketView = z.infer<typeof TicketView>;

/** One line of a counter's queue in the staff console: no personal data, only the number and topic. */
export const QueueEntry = z.object({
  id: z.number(),
  number: z.number(),
  procedureId: z.string().nullable(),
  status: TicketStatus,
  waitingSince: z.number(),
  transferFrom: z.string().nullable(),
  transferNote: z.string().nullable(),
  residentPresent: z.boolean(),
  /** Came with a booking and checked in: served before walk-ins. */
  booked: z.boolean(),
  /** The language the resident uses the hall in, so staff can prepare (an interpreter, a leaflet). */
  lang: z.enum(LANGUAGES).nullable(),
});
export type QueueEntry = z.infer<typeof QueueEntry>;

export const StaffQueueView = z.object({
  counterId: z.string().nullable(),
  entries: z.array(QueueEntry),
  /** The ticket this staff member is handling now (called or serving), if any. */
  current: QueueEntry.nullable(),
});
export type StaffQueueView = z.infer<typeof StaffQueueView>;

/** Sent to the two people of a consultation: the private room to join and their one-use right to. */
export const ConsultationInvite = z.object({
  roomId: z.string(),
  token: z.string(),
  ticketNumber: z.number(),
  role: z.enum(['resident', 'staff']),
  /** STUN/TURN servers from the server's configuration; empty on one network. */
  iceServers: z.array(IceServer),
});
export type ConsultationInvite = z.infer<typeof ConsultationInvite>;
