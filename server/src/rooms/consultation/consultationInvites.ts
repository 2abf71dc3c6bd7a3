import { randomBytes } from 'node:crypto';
import { matchMaker, type Room } from '@colyseus/core';
import { CONSULTATION_ROOM } from '../../../../shared/constants.ts';
import type {
  ConsultationEndReason,
  ConsultationInvite,
  IceServer,
} from '../../../../shared/protocol/index.ts';
import type { ConsultationOptions, ConsultationSeat } from './ConsultationRoom.ts';

interface Endable extends Room {
  end(reason: ConsultationEndReason): void;
}

/**
 * Opens a private consultation room for one ticket and reserves its two seats (the resident's and the
 * staff member's). The reservation is the join right: the room accepts nobody without one.
 */
/** What hall rooms hear from consultation rooms. */
export interface ConsultationListener {
  /** Someone in the room ended the consultation: the ticket is finished. */
  ended(ticketId: number): void;
  /** The ticket's current room closed by itself (both left). */
  closed(ticketId: number): void;
}

export function createConsultationService(iceServers: IceServer[] = []) {
  const key = randomBytes(24).toString('base64url');
  const rooms = new Map<number, string>(); // ticket id → room id
  const listeners = new Set<ConsultationListener>();
  /** A room the ticket has since moved on from (a transfer opened a new one) changes nothing. */
  const forget = (ticketId: number, roomId: string): boolean => {
    if (rooms.get(ticketId) !== roomId) return false;
    rooms.delete(ticketId);
    return true;
  };

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
      rooms.set(ticket.id, room.roomId);
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

    roomOf: (ticketId: number) => rooms.get(ticketId),

    end(ticketId: number, reason: ConsultationEndReason): void {
      const roomId = rooms.get(ticketId);
      rooms.delete(ticketId);
      if (!roomId) return;
      const room = matchMaker.getLocalRoomById(roomId) as Endable | undefined;
      room?.end(reason);
    },

    /** Hall rooms listen while they exist; returns how to stop. */
    listen(listener: ConsultationListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Called by a consultation room. */
    endedInRoom(ticketId: number): void {
      for (const l of listeners) l.ended(ticketId);
    },
    /** Called by a consultation room when it is disposed. */
    closedRoom(ticketId: number, roomId: string): void {
      if (!forget(ticketId, roomId)) return;
      for (const l of listeners) l.closed(ticketId);
    },
  };
}
export type ConsultationService = ReturnType<typeof createConsultationService>;
