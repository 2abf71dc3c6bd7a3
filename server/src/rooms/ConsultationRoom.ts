import { Room, ServerError, type Client } from '@colyseus/core';
import {
  ChatMessage,
  ConsultationClientMessage,
  ConsultationServerMessage,
  type ConsultationEndReason,
} from '../../../shared/protocol/index.ts';
import { ConsultationState, ChatLine, Participant } from '../../../shared/state/consultationState.ts';
import { formatIssues } from './formatIssues.ts';

/** Who a seat was reserved for; set by the server when it invites, never by a client. */
export interface ConsultationSeat {
  consultation: string;
  role: 'resident' | 'staff';
  nickname: string;
}

export interface ConsultationOptions {
  /** Proves the server created the room: clients cannot create consultation rooms themselves. */
  key: string;
  ticketId: number;
  ticketNumber: number;
  counterId: string;
}

const MAX_LINES = 200;

/**
 * A private room for one resident and one staff member. Nobody can walk in: seats are reserved by the
 * server for exactly those two (see consultationInvites.ts), and a join by a guessed room id has no
 * reservation data and is refused in onAuth.
 */
export function createConsultationRoom(deps: {
  key: string;
  reconnectGraceS: number;
  onDispose(ticketId: number): void;
}) {
  return class ConsultationRoom extends Room<{ state: ConsultationState }> {
    override state = new ConsultationState();
    override maxClients = 2;
    override autoDispose = true;
    private ticketId = 0;

    override onCreate(options: ConsultationOptions): void {
      if (options?.key !== deps.key)
        throw new ServerError(403, 'forbidden: consultation rooms are opened by the server');
      this.ticketId = options.ticketId;
      this.state.ticketNumber = options.ticketNumber;
      this.state.counterId = options.counterId;
      this.setPrivate(true);
      this.setSeatReservationTime(30);
      this.onMessage(ConsultationClientMessage.chat, (client, raw: unknown) => this.chat(client, raw));
      this.onMessage('*', (client, type) =>
        client.send(ConsultationServerMessage.error, {
          code: 'unknownMessage',
          type: String(type),
          detail: 'no such message type',
        }),
      );
    }

    override onAuth(client: Client): ConsultationSeat {
      const seat = client.auth as ConsultationSeat | undefined;
      if (!seat || seat.consultation !== this.roomId) {
        throw new ServerError(403, 'forbidden: this consultation room is private');
      }
      return seat;
    }

    override onJoin(client: Client, _options: unknown, seat: ConsultationSeat): void {
      const p = new Participant();
      p.role = seat.role;
      p.nickname = seat.nickname;
      p.connected = true;
      this.state.participants.set(client.sessionId, p);
    }

    override onDrop(client: Client): void {
      const p = this.state.participants.get(client.sessionId);
      if (p) p.connected = false;
      this.allowReconnection(client, deps.reconnectGraceS).catch(() => {});
    }

    override onReconnect(client: Client): void {
      const p = this.state.participants.get(client.sessionId);
      if (p) p.connected = true;
    }

    override onLeave(client: Client): void {
      this.state.participants.delete(client.sessionId);
    }

    override onDispose(): void {
      deps.onDispose(this.ticketId);
    }

    /** Called by the hall when the staff member finishes, transfers or the call lapses. */
    end(reason: ConsultationEndReason): void {
      if (this.state.ended) return;
      this.state.ended = reason;
      this.broadcast(ConsultationServerMessage.ended, { reason });
      this.clock.setTimeout(() => void this.disconnect(), 1500);
    }

    private chat(client: Client, raw: unknown): void {
      const parsed = ChatMessage.safeParse(raw);
      const from = this.state.participants.get(client.sessionId);
      if (!parsed.success || !from || this.state.ended) {
        client.send(ConsultationServerMessage.error, {
          code: 'invalidMessage',
          type: ConsultationClientMessage.chat,
          detail: parsed.success ? 'the consultation has ended' : formatIssues(parsed.error),
        });
        return;
      }
      const line = new ChatLine();
      line.role = from.role;
      line.nickname = from.nickname;
      line.text = parsed.data.text;
      line.at = Date.now();
      this.state.lines.push(line);
      if (this.state.lines.length > MAX_LINES) this.state.lines.shift();
    }
  };
}
