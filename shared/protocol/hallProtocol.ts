import { z } from 'zod';
import { StaffProfile } from '../auth/roles.ts';
import { Bytes, defineProtocol, namesOf, type ClientType } from './roomProtocol.ts';
import { CorrectionMessage, MoveMessage, SitMessage } from './move.ts';
import {
  ConsultationInvite,
  EmptyMessage,
  SetCounterStatusMessage,
  StaffQueueView,
  TakeCounterMessage,
  TakeTicketMessage,
  TicketActionMessage,
  TicketView,
  TransferMessage,
} from './queue.ts';
import { CheckInMessage } from './bookings.ts';
import { JoinErrorCode, ServerErrorMessage } from './errors.ts';
import { VisitorToken } from './join.ts';
import { AnnouncementView } from './announcements.ts';
import { DisasterView } from './disaster.ts';
import { LayoutChangedMessage } from './hallLayout.ts';
import { EventView } from './events.ts';
import { WaveMessage, WaveNotice } from './wave.ts';

/** The public hall: walking, sitting, the queue and the counters. Positions out are binary (poses.ts). */
export const HallProtocol = defineProtocol({
  client: {
    move: MoveMessage,
    sit: SitMessage,
    /** A wave to the people near by (rate-limited; relayed only to those who see the waver). */
    wave: WaveMessage,
    // Residents
    takeTicket: TakeTicketMessage,
    leaveQueue: EmptyMessage,
    answerCall: EmptyMessage,
    checkIn: CheckInMessage,
    // Either person of a consultation whose connection to its room was lost for good (its process died)
    rejoinConsultation: EmptyMessage,
    // Staff (refused for residents)
    takeCounter: TakeCounterMessage,
    leaveCounter: EmptyMessage,
    setCounterStatus: SetCounterStatusMessage,
    callNext: EmptyMessage,
    markDone: TicketActionMessage,
    markNoShow: TicketActionMessage,
    transfer: TransferMessage,
  },
  server: {
    correction: CorrectionMessage,
    error: ServerErrorMessage,
    /** To a resident: the resume token that finds their ticket again after a lost connection. */
    identity: z.object({ visitorToken: VisitorToken }),
    /** To a resident: their ticket (or null), whenever it changes. */
    ticket: TicketView.nullable(),
    /** To a staff member: their counter's queue and the ticket they are handling. */
    staffQueue: StaffQueueView,
    /** To both people of a consultation: the private room to join. */
    consultation: ConsultationInvite,
    /** To a staff member: who they are in the hall. */
    staffProfile: StaffProfile,
    /** To everyone: what is announced now (the whole list, on entering and whenever it changes). */
    announcements: z.array(AnnouncementView),
    /** To everyone: disaster mode on or off (on entering and whenever it changes). */
    disaster: DisasterView,
    /** To everyone: the hall plan in use (on entering and when an admin puts another live). */
    layout: LayoutChangedMessage,
    /**
     * To everyone: a briefing was created, started or ended (on every process), so the list, the prompt
     * and the sign change at once rather than at the next poll. An ended one leaves the list.
     */
    briefing: EventView,
    /** Where the nearest people stand, those who moved (poses.ts). */
    poses: Bytes,
    /** Where the next ring of people stand, as nameless markers (poses.ts). */
    far: Bytes,
    /** Someone this client sees waves (wave.ts). */
    wave: WaveNotice,
  },
  close: {},
  joinRefusals: JoinErrorCode,
});
export type HallProtocol = typeof HallProtocol;

export const ClientMessage = namesOf(HallProtocol.client);
export type ClientMessage = ClientType<HallProtocol>;
export const ServerMessage = namesOf(HallProtocol.server);

/** Messages only staff may send; the server checks the role it issued, never the client's claim. */
export const STAFF_MESSAGES: ReadonlySet<string> = new Set<ClientMessage>([
  'takeCounter',
  'leaveCounter',
  'setCounterStatus',
  'callNext',
  'markDone',
  'markNoShow',
  'transfer',
]);
