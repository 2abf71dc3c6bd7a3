import type { HandoverLine } from '../../../../shared/protocol/queue.ts';
import { randomBytes } from 'node:crypto';
import { matchMaker, type IRoomCache } from '@colyseus/core';
import { CONSULTATION_ROOM } from '../../../../shared/constants.ts';
import type {
  ConsultationEndReason,
  ConsultationInvite,
  IceServer,
} from '../../../../shared/protocol/index.ts';
import type { ConsultationOptions, ConsultationSeat } from './ConsultationRoom.ts';
import { DomainError } from '../../domainError.ts';

/** How long one process has to open a ticket's room again before another may try. */
const REOPEN_CLAIM_MS = 5000;
const REOPEN_POLL_MS = 200;
const REOPEN_TRIES = 25;

type Claim = (key: string, ttlMs: number) => Promise<boolean>;
const alone: Claim = async () => true;

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
  ice: { forPerson(who: string): IceServer[] } = { forPerson: () => [] },
  key = randomBytes(24).toString('base64url'),
  claim: Claim = alone,
) {
  const listeners = new Set<ConsultationListener>();
  /**
   * The ticket's rooms on processes that are alive: a process killed outright leaves its rooms listed
   * until someone notices; Colyseus' health check asks it (once for all callers) and clears them.
   */
  const roomsOf = async (ticketId: number) => {
    const found = (await matchMaker.query({ name: CONSULTATION_ROOM })).filter(
      (r) => (r.metadata as { ticketId?: number } | undefined)?.ticketId === ticketId,
    );
    const alive = await Promise.all(
      found.map((r) => r.processId === matchMaker.processId || matchMaker.healthCheckProcessId(r.processId)),
    );
    return found.filter((_, i) => alive[i] === true);
  };
  type Ticket = { id: number; number: number; counterId: string; handover?: HandoverLine[] | null };

  const create = (ticket: Ticket) => {
    const options: ConsultationOptions = {
      key,
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      counterId: ticket.counterId,
      handover: ticket.handover ?? [],
    };
    return matchMaker.createRoom(CONSULTATION_ROOM, options);
  };
  const invite = async (
    room: IRoomCache,
    ticket: Ticket,
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
      // TURN credentials of their own, named after the consultation and the side.
      iceServers: ice.forPerson(`t${ticket.id}-${role}`),
    };
  };

  return {
    key,
    async open(
      ticket: Ticket,
      resident: string,
      staff: string,
    ): Promise<{ resident: ConsultationInvite; staff: ConsultationInvite }> {
      const room = await create(ticket);
      return {
        resident: await invite(room, ticket, 'resident', resident),
        staff: await invite(room, ticket, 'staff', staff),
      };
    },

    /**
     * A seat for one of the two people whose connection to the consultation was lost for good (its
     * process died, or they were away past the grace): in the ticket's room if it still runs (their old
     * seat, if still held for them, is given up), else in a room opened again (by one process only; the
     * other person's return finds it).
     */
    async seatFor(
      ticket: Ticket,
      role: ConsultationSeat['role'],
      nickname: string,
    ): Promise<ConsultationInvite> {
      for (let i = 0; i < REOPEN_TRIES; i++) {
        const room = (await roomsOf(ticket.id)).at(-1);
        if (room) {
          await matchMaker.remoteRoomCall(room.roomId, 'release', [role]);
          return invite(room, ticket, role, nickname).catch((err: unknown) => {
            throw new DomainError(
              'inConsultation',
              `already in consultation ${ticket.number}: ${String(err)}`,
            );
          });
        }
        if (await claim(`consultation-open:${ticket.id}`, REOPEN_CLAIM_MS)) {
          return invite(await create(ticket), ticket, role, nickname);
        }
        await new Promise((r) => setTimeout(r, REOPEN_POLL_MS));
      }
      throw new DomainError('inConsultation', `consultation ${ticket.number} could not be opened again`);
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
