import { Room, ServerError, type Client } from '@colyseus/core';
import type { z } from 'zod';
import {
  ChatMessage,
  ConsultationClientMessage,
  ConsultationServerMessage,
  MediaStateMessage,
  RatingMessage,
  ShareProcedureMessage,
  ConsultationSignalMessage,
  type ConsultationEndReason,
} from '../../../../shared/protocol/index.ts';
import type { CatalogService } from '../../services/catalogService.ts';
import { RecordError, type RecordService } from '../../services/recordService.ts';
import { ConsultationState, ChatLine, Participant } from '../../../../shared/state/consultationState.ts';
import { formatIssues } from '../common/formatIssues.ts';

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
  catalog: CatalogService;
  records: RecordService;
  onlineBaseUrl: string;
  reconnectGraceS: number;
  /** The staff member ended it here: the desk finishes the ticket. */
  onEnded(ticketId: number): void;
  onDispose(ticketId: number, roomId: string): void;
}) {
  return class ConsultationRoom extends Room<{ state: ConsultationState }> {
    override state = new ConsultationState();
    override maxClients = 2;
    override autoDispose = true;
    override seatReservationTimeout = 30;
    private ticketId = 0;

    override onCreate(options: ConsultationOptions): void {
      if (options?.key !== deps.key)
        throw new ServerError(403, 'forbidden: consultation rooms are opened by the server');
      this.ticketId = options.ticketId;
      this.state.ticketNumber = options.ticketNumber;
      this.state.counterId = options.counterId;
      this.setPrivate(true);
      this.onMessage(ConsultationClientMessage.chat, (client, raw: unknown) => this.chat(client, raw));
      this.handle(ConsultationClientMessage.signal, ConsultationSignalMessage, (client, m) =>
        this.relay(client, m),
      );
      this.handle(ConsultationClientMessage.mediaState, MediaStateMessage, (client, m) => {
        const p = this.state.participants.get(client.sessionId);
        if (!p) return;
        p.audio = m.audio;
        p.video = m.video;
        p.screen = m.screen;
      });
      this.handle(ConsultationClientMessage.shareProcedure, ShareProcedureMessage, (client, m) =>
        this.shareProcedure(client, m.procedureId),
      );
      // Rating comes after the end, so it is not refused once the consultation has ended.
      this.onMessage(ConsultationClientMessage.rate, (client, raw: unknown) => {
        const parsed = RatingMessage.safeParse(raw);
        const from = this.state.participants.get(client.sessionId);
        if (!parsed.success)
          return this.refuse(client, ConsultationClientMessage.rate, formatIssues(parsed.error));
        if (from?.role !== 'resident') {
          return this.refuse(client, ConsultationClientMessage.rate, 'only the resident rates', 'forbidden');
        }
        deps.records.rate(this.ticketId, parsed.data).then(
          () => client.send(ConsultationServerMessage.rated, {}),
          (err: unknown) => {
            if (!(err instanceof RecordError)) throw err;
            this.refuse(client, ConsultationClientMessage.rate, err.message, 'alreadyRated');
          },
        );
      });
      // Staff ending here is finishing: the ticket is done, so the console is free for the next person.
      this.onMessage(ConsultationClientMessage.end, (client) => {
        const p = this.state.participants.get(client.sessionId);
        if (!p || this.state.ended) return;
        this.end(p.role === 'staff' ? 'done' : 'left');
        // The resident leaving is not the staff member's decision: they finish or transfer it themselves.
        if (p.role === 'staff') deps.onEnded(this.ticketId);
      });
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
      deps.onDispose(this.ticketId, this.roomId);
    }

    /** Called by the hall when the staff member finishes, transfers or the call lapses. */
    end(reason: ConsultationEndReason): void {
      if (this.state.ended) return;
      this.state.ended = reason;
      // The room stays until both have left: the resident may still rate, both may reread the chat.
      this.broadcast(ConsultationServerMessage.ended, { reason });
    }

    private refuse(client: Client, type: string, detail: string, code = 'invalidMessage'): void {
      client.send(ConsultationServerMessage.error, { code, type, detail });
    }

    private handle<S extends z.ZodType>(
      type: string,
      schema: S,
      run: (client: Client, m: z.infer<S>) => void,
    ): void {
      this.onMessage(type, (client, raw: unknown) => {
        const parsed = schema.safeParse(raw);
        if (!parsed.success) this.refuse(client, type, formatIssues(parsed.error));
        else if (this.state.ended) this.refuse(client, type, 'the consultation has ended');
        else run(client, parsed.data);
      });
    }

    /** Passes an offer, answer or candidate to the other participant, and only to a participant of this room. */
    private relay(client: Client, m: ConsultationSignalMessage): void {
      const target = this.clients.getById(m.to);
      if (!target || m.to === client.sessionId || !this.state.participants.has(m.to)) {
        this.refuse(
          client,
          ConsultationClientMessage.signal,
          'the addressee is not in this consultation',
          'notInRoom',
        );
        return;
      }
      target.send(ConsultationServerMessage.signal, { from: client.sessionId, ...m });
    }

    private shareProcedure(client: Client, procedureId: string): void {
      const from = this.state.participants.get(client.sessionId);
      if (from?.role !== 'staff') {
        this.refuse(
          client,
          ConsultationClientMessage.shareProcedure,
          'only staff share procedures',
          'forbidden',
        );
        return;
      }
      const p = deps.catalog.get().procedures.find((x) => x.id === procedureId);
      if (!p) {
        this.refuse(
          client,
          ConsultationClientMessage.shareProcedure,
          `no procedure "${procedureId}"`,
          'noSuchProcedure',
        );
        return;
      }
      const line = new ChatLine();
      line.role = from.role;
      line.nickname = from.nickname;
      line.text = `${p.name.ja} / ${p.name.en}`;
      line.url = p.onlinePath ? deps.onlineBaseUrl.replace(/\/$/, '') + p.onlinePath : '';
      line.at = Date.now();
      this.push(line);
    }

    private push(line: ChatLine): void {
      this.state.lines.push(line);
      if (this.state.lines.length > MAX_LINES) this.state.lines.shift();
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
      this.push(line);
    }
  };
}
