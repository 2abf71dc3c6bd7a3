import type { HandoverLine } from '../../../../shared/protocol/queue.ts';
import { Room, ServerError, type Client, type Deferred } from '@colyseus/core';
import {
  ConsultationProtocol,
  type ConsultationEndReason,
  type ConsultationErrorCode,
  type ConsultationSignalMessage,
} from '../../../../shared/protocol/index.ts';
import type { CatalogService } from '../../services/catalogService.ts';
import type { RecordService } from '../../services/recordService.ts';
import { ConsultationState, ChatLine, Participant } from '../../../../shared/state/consultationState.ts';
import { DomainError } from '../../domainError.ts';
import type { Logger } from '../../logger.ts';
import type { Metrics } from '../../metrics.ts';
import type { MessageRules } from '../common/roomMessages.ts';
import { listenerFor, teller } from '../common/typedMessages.ts';
import { messageBudget } from '../common/messageBudget.ts';

const tell = teller(ConsultationProtocol);

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
  /** A number from the information desk: the resident's conversation with the guide, shown first. */
  handover?: HandoverLine[];
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
  maxMessagesPerSecond: number;
  log: Logger;
  metrics: Metrics;
  /** The staff member ended it here: the desk finishes the ticket. */
  onEnded(ticketId: number): void;
  onDispose(ticketId: number, roomId: string): void | Promise<void>;
}) {
  return class ConsultationRoom extends Room<{ state: ConsultationState }> {
    override state = new ConsultationState();
    override maxClients = 2;
    override autoDispose = true;
    override seatReservationTimeout = 30;
    private ticketId = 0;
    /** Seats held for people whose connection dropped, until they return or the grace ends. */
    private held = new Map<string, Deferred<Client>>();

    override async onCreate(options: ConsultationOptions): Promise<void> {
      if (options?.key !== deps.key)
        throw new ServerError(403, 'forbidden: consultation rooms are opened by the server');
      this.ticketId = options.ticketId;
      this.state.ticketNumber = options.ticketNumber;
      this.state.counterId = options.counterId;
      // The same conversation, carried on by a person: the guide's turns and the resident's, as they were.
      for (const h of options.handover ?? []) this.line({ role: h.from, nickname: '' }, h.text);
      this.setPrivate(true);
      // The desk finds a ticket's room by this, whichever process runs it.
      await this.setMetadata({ ticketId: options.ticketId });
      const on = listenerFor(ConsultationProtocol, this, this.rules);
      on('chat', (client, m) => this.line(this.from(client), m.text));
      on('signal', (client, m) => this.relay(client, m));
      on('mediaState', (client, m) => {
        const p = this.from(client);
        p.audio = m.audio;
        p.video = m.video;
        p.screen = m.screen;
      });
      on('shareProcedure', (client, m) => this.shareProcedure(client, m.procedureId));
      // The rating comes after the end (the rules let it through), once, from the resident only.
      on('rate', async (client, m) => {
        if (this.from(client).role !== 'resident')
          throw new DomainError('forbidden', 'only the resident rates');
        await deps.records.rate(this.ticketId, m);
        tell(client, 'rated', {});
      });
      // Staff ending here is finishing: the ticket is done, so the console is free for the next person.
      on('end', (client) => {
        const p = this.from(client);
        this.end(p.role === 'staff' ? 'done' : 'left');
        // The resident leaving is not the staff member's decision: they finish or transfer it themselves.
        if (p.role === 'staff') deps.onEnded(this.ticketId);
      });
      this.onMessage('*', (client, type) =>
        this.refuse(client, String(type), 'unknownMessage', 'no such message type'),
      );
    }

    /** zod first, then: nothing but the rating once it ended; then the work. Refusals change nothing. */
    private rules: MessageRules<ConsultationErrorCode> = {
      forbidden: (_client, type) =>
        this.state.ended && type !== 'rate' ? 'the consultation has ended' : null,
      isRefusal: (err): err is DomainError<ConsultationErrorCode> => err instanceof DomainError,
      refuse: (client, type, code, detail) => this.refuse(client, type, code, detail),
      log: deps.log,
      // Switching the camera or sharing the screen is a click; a negotiation is a burst of candidates.
      budget: messageBudget(
        {
          signal: { points: 200, perSeconds: 10 },
          mediaState: { points: 20, perSeconds: 10 },
          chat: { points: 20, perSeconds: 10 },
        },
        { points: 20, perSeconds: 10 },
      ),
    };
    /** Past this, Colyseus closes the connection: a flood is not a person. */
    override maxMessagesPerSecond = deps.maxMessagesPerSecond;

    private from(client: Client): Participant {
      const p = this.state.participants.get(client.sessionId);
      if (!p) throw new DomainError('notInRoom', 'not a participant of this consultation');
      return p;
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
      const held = this.allowReconnection(client, deps.reconnectGraceS);
      this.held.set(client.sessionId, held);
      held.catch(() => {});
    }

    override onReconnect(client: Client): void {
      this.held.delete(client.sessionId);
      const p = this.state.participants.get(client.sessionId);
      if (p) p.connected = true;
    }

    override onLeave(client: Client): void {
      this.held.delete(client.sessionId);
      this.state.participants.delete(client.sessionId);
    }

    /**
     * The desk gives this person a new seat (they could not come back on the old one): the old one,
     * held for a connection that will not return, is given up. Someone connected keeps theirs.
     */
    release(role: ConsultationSeat['role']): void {
      for (const [sessionId, held] of this.held) {
        if (this.state.participants.get(sessionId)?.role === role) held.reject(new Error('seat given anew'));
      }
    }

    override onDispose(): void {
      void Promise.resolve(deps.onDispose(this.ticketId, this.roomId)).catch(() => {});
    }

    /** Called by the hall when the staff member finishes, transfers or the call lapses. */
    end(reason: ConsultationEndReason): void {
      if (this.state.ended) return;
      this.state.ended = reason;
      // The room stays until both have left: the resident may still rate, both may reread the chat.
      this.broadcast('ended', { reason });
    }

    private refuse(client: Client, type: string, code: ConsultationErrorCode, detail: string): void {
      deps.metrics.refused('consultation', code);
      tell(client, 'error', { code, type, detail });
    }

    /** Passes an offer, answer or candidate to the other participant, and only to a participant of this room. */
    private relay(client: Client, m: ConsultationSignalMessage): void {
      const target = this.clients.getById(m.to);
      if (!target || m.to === client.sessionId || !this.state.participants.has(m.to)) {
        throw new DomainError('notInRoom', 'the addressee is not in this consultation');
      }
      // Only what the protocol says arrives (its schema is strict on the other side too).
      const { to: _to, ...signal } = m;
      tell(target, 'signal', { from: client.sessionId, ...signal });
    }

    private shareProcedure(client: Client, procedureId: string): void {
      const from = this.from(client);
      if (from.role !== 'staff') throw new DomainError('forbidden', 'only staff share procedures');
      const p = deps.catalog.get().procedures.find((x) => x.id === procedureId);
      if (!p) throw new DomainError('noSuchProcedure', `no procedure "${procedureId}"`);
      const url = p.onlinePath ? deps.onlineBaseUrl.replace(/\/$/, '') + p.onlinePath : '';
      this.line(from, p.name.ja, url, p.id);
    }

    private line(
      from: Pick<Participant, 'role' | 'nickname'>,
      text: string,
      url = '',
      procedureId = '',
    ): void {
      const line = new ChatLine();
      line.procedureId = procedureId;
      line.role = from.role;
      line.nickname = from.nickname;
      line.text = text;
      line.url = url;
      line.at = Date.now();
      this.state.lines.push(line);
      if (this.state.lines.length > MAX_LINES) this.state.lines.shift();
    }
  };
}
