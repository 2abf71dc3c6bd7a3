import { randomBytes } from 'node:crypto';
import { matchMaker } from '@colyseus/core';
import { CONSULTATION_ROOM } from '../../../../shared/constants.ts';
import type {
  ConsultationEndReason,
  ConsultationInvite,
  IceServer,
} from '../../../../shared/protocol/index.ts';
import type { ConsultationOptions, ConsultationSeat } from './ConsultationRoom.ts';

/** What the desk hears from consultation rooms (of this process: each process's desk hears its own). */
export interface ConsultationListener {
  /** The staff member ended the consultation in the room: the ticket is finished. */
  ended(ticketId: number): void;
  /** The ticket's current room closed by itself (both left). */
  closed(ticketId: number): void;
}

/**
 * Opens a private consultation room for one ticket and reserves its two seats (the resident's and the
 * staff member's). The reservation is the join right: the room accepts nobody without one. Rooms are
 * found by their ticket through the matchmaker, so this works whichever process a room runs on; `key`
 * proves to a room that the server opened it (one secret shared by all processes).
 */
export function createConsultationService(
  iceServers: IceServer[] = [],
  key = randomBytes(24).toString('base64url'),
) {
  const listeners = new Set<ConsultationListener>();
  const roomsOf = async (ticketId: number) =>
    (await matchMaker.query({ name: CONSULTATION_ROOM })).filter(
      (r) => (r.metadata as { ticketId?: number } | undefined)?.ticketId === ticketId,
    );

  return {
    key,
    async open(
      ticket: { id: number; number: number; counterId: string },
      resident: string,
      staff: string,
    ): Promise<{ resident: ConsultationInvite; staff: ConsultationInvite }> {
      const options: ConsultationOptions = {
        key,
        ticketId: ticket.id,
        ticketNumber: ticket.number,
        counterId: ticket.counterId,
      };
      const room = await matchMaker.createRoom(CONSULTATION_ROOM, options);
      const invite = async (
        role: ConsultationSeat['role'],
        nickname: string,
      ): Promise<ConsultationInvite> => {
        const seat: ConsultationSeat = { consultation: room.roomId, role, nickname };
        const reservation = await matchMaker.reserveSeatFor(room, {}, seat);
        return {
          roomId: room.roomId,
          token: JSON.stringify(reservation),
          ticketNumber: ticket.number,
          role,
          iceServers,
        };
      };
      return { resident: await invite('resident', resident), staff: await invite('staff', staff) };
    },

    /** The ticket's open consultation room, on whichever process. */
    roomOf: async (ticketId: number) => (await roomsOf(ticketId)).at(-1)?.roomId,

    /** Ends the ticket's consultation (its room stays for the rating and the chat until both leave). */
    async end(ticketId: number, reason: ConsultationEndReason): Promise<void> {
      for (const r of await roomsOf(ticketId)) {
        await matchMaker.remoteRoomCall(r.roomId, 'end', [reason]).catch(() => {});
      }
    },

    /** The desk listens while it exists; returns how to stop. */
    listen(listener: ConsultationListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Called by a consultation room. */
    endedInRoom(ticketId: number): void {
      for (const l of listeners) l.ended(ticketId);
    },
    /** Called by a consultation room when it is disposed; a room the ticket moved on from changes nothing. */
    async closedRoom(ticketId: number, roomId: string): Promise<void> {
      if ((await roomsOf(ticketId)).some((r) => r.roomId !== roomId)) return;
      for (const l of listeners) l.closed(ticketId);
    },
  };
}
export type ConsultationService = ReturnType<typeof createConsultationService>;
