import { FACING_ANGLE } from '../../../shared/layout/facing.ts';
import { randomBytes } from 'node:crypto';
import { Room, ServerError, type Client } from '@colyseus/core';
import type { z } from 'zod';
import { StateView } from '@colyseus/schema';
import { AvatarState, HallState } from '../../../shared/state/hallState.ts';
import {
  CheckInMessage,
  ClientMessage,
  EmptyMessage,
  HallJoinOptions,
  MoveMessage,
  SitMessage,
  STAFF_MESSAGES,
  ServerMessage,
  SetCounterStatusMessage,
  TakeCounterMessage,
  TakeTicketMessage,
  TicketActionMessage,
  TransferMessage,
  type CorrectionMessage,
  type ServerErrorCode,
  type ServerErrorMessage,
} from '../../../shared/protocol/index.ts';
import { PATCH_INTERVAL_MS, STAFF_UNIFORM_COLOR } from '../../../shared/constants.ts';
import { QueueError } from '../services/queueTicket.ts';
import { BookingError } from '../services/bookingService.ts';
import { createQueueDesk, type Person, type QueueDesk } from './queueDesk.ts';
import { DeskError } from './roomRefusal.ts';
import type { Track } from '../services/movementService.ts';
import { createInterestService, type InterestService } from '../services/interestService.ts';
import { deskDepsOf, type HallDeps } from './hallDeps.ts';
import { formatIssues } from './formatIssues.ts';
import { onValidMessage, type MessageRules } from './roomMessages.ts';
import { residentKeyOf, staffFromPass } from './joinIdentity.ts';
import { seatToTake } from './hallSeating.ts';
import { refreshInterest } from './hallInterest.ts';

/** How often visibility and per-area counts are recomputed; people walk ~1 m in this time. */
const INTEREST_INTERVAL_MS = 250;
/** How often lapsed calls, absent residents and opening hours are checked. */
const QUEUE_TICK_MS = 1000;

interface JoinAuth {
  options: HallJoinOptions;
  person: Person;
  /** Only for a resident who came without one: sent to them once on join. */
  newResumeToken?: string;
}

/**
 * The public hall. Thin by design: validate with zod, ask a service, mirror the answer into state.
 * Identity is the session id the server issued; a staff role comes only from a one-use hall pass the
 * server issued after sign-in, never from the client's word.
 */
export function createHallRoom(deps: HallDeps) {
  return class HallRoom extends Room<{ state: HallState }> {
    override state = new HallState();
    override maxClients = deps.config.HALL_MAX_CLIENTS;
    override maxMessagesPerSecond = deps.config.MAX_MESSAGES_PER_SECOND;
    private tracks = new Map<string, Track>();
    private interest: InterestService = createInterestService(deps.config.INTEREST_RADIUS);
    private people = new Map<string, Person>();
    private desk: QueueDesk = createQueueDesk(
      {
        state: this.state,
        send: (sid, type, message) => this.clients.getById(sid)?.send(type, message),
        person: (sid) => this.people.get(sid),
        sessions: () => this.people.entries(),
        place: (sid, at) => this.place(sid, at),
        setConsulting: (sid, on) => {
          const a = this.state.avatars.get(sid);
          if (a) a.consulting = on;
        },
        setCounter: (sid, counterId) => {
          const a = this.state.avatars.get(sid);
          if (a) a.counterId = counterId;
        },
      },
      deskDepsOf(deps),
    );

    override onCreate(): void {
      this.setPatchRate(PATCH_INTERVAL_MS);
      for (const area of deps.hall.layout.areas) this.state.areaCounts.set(area.id, 0);
      this.onMessage(ClientMessage.move, (client, raw: unknown) => this.handleMove(client, raw));
      this.handle(ClientMessage.sit, SitMessage, (sid, m) => this.sit(sid, m.seatId));
      const d = this.desk;
      this.handle(ClientMessage.takeTicket, TakeTicketMessage, (sid, m) =>
        d.takeTicket(sid, m.counterId, m.procedureId),
      );
      this.handle(ClientMessage.leaveQueue, EmptyMessage, (sid) => d.leaveQueue(sid));
      this.handle(ClientMessage.answerCall, EmptyMessage, (sid) => d.answerCall(sid));
      this.handle(ClientMessage.checkIn, CheckInMessage, (sid, m) => d.checkIn(sid, m.code));
      this.handle(ClientMessage.takeCounter, TakeCounterMessage, (sid, m) => d.takeCounter(sid, m.counterId));
      this.handle(ClientMessage.leaveCounter, EmptyMessage, (sid) => d.leaveCounter(sid));
      this.handle(ClientMessage.setCounterStatus, SetCounterStatusMessage, (sid, m) =>
        d.setStatus(sid, m.status),
      );
      this.handle(ClientMessage.callNext, EmptyMessage, (sid) => d.callNext(sid));
      this.handle(ClientMessage.markDone, TicketActionMessage, (sid, m) => d.markDone(sid, m.ticketId));
      this.handle(ClientMessage.markNoShow, TicketActionMessage, (sid, m) => d.markNoShow(sid, m.ticketId));
      this.handle(ClientMessage.transfer, TransferMessage, (sid, m) =>
        d.transfer(sid, m.ticketId, m.toCounterId, m.note),
      );
      this.onMessage('*', (client, type) => {
        this.refuse(client, { code: 'unknownMessage', type: String(type), detail: `no such message type` });
      });
      this.clock.setInterval(() => this.updateInterest(), INTEREST_INTERVAL_MS);
      this.clock.setInterval(() => {
        this.desk.tick().catch((err: unknown) => deps.log.error('queue tick failed', err));
      }, QUEUE_TICK_MS);
      this.desk.update();
      this.stopListening = deps.consultations.listen({
        closed: (ticketId) => this.desk.consultationClosed(ticketId),
        ended: (ticketId) =>
          void this.desk
            .finishFromRoom(ticketId)
            .catch((err: unknown) => deps.log.error('finishing a consultation failed', err)),
      });
    }

    private stopListening: () => void = () => {};

    override onDispose(): void {
      this.stopListening();
    }

    override async onAuth(_client: Client, options: unknown): Promise<JoinAuth> {
      const parsed = HallJoinOptions.safeParse(options);
      if (!parsed.success) throw new ServerError(400, `invalidOptions: ${formatIssues(parsed.error)}`);
      const opts = parsed.data;
      if (opts.staffPass) {
        const profile = await staffFromPass(deps.auth, opts.staffPass);
        return { options: opts, person: { kind: 'staff', profile } };
      }
      const token = opts.resumeToken ?? randomBytes(32).toString('base64url');
      return {
        options: opts,
        person: { kind: 'resident', residentKey: residentKeyOf(token), nickname: opts.nickname },
        newResumeToken: opts.resumeToken ? undefined : token,
      };
    }

    override onJoin(client: Client, _options: unknown, auth: JoinAuth): void {
      const track = deps.movement.spawn([...this.tracks.values()], Date.now());
      this.tracks.set(client.sessionId, track);
      const avatar = new AvatarState();
      const { person } = auth;
      avatar.nickname = person.kind === 'staff' ? person.profile.displayName : auth.options.nickname;
      avatar.color = person.kind === 'staff' ? STAFF_UNIFORM_COLOR : auth.options.color;
      avatar.role = person.kind === 'staff' ? 'staff' : 'resident';
      this.applyTrack(avatar, track);
      this.state.avatars.set(client.sessionId, avatar);
      this.people.set(client.sessionId, person);
      client.view = new StateView();
      client.view.add(avatar);
      // Staff are few and everyone should see who is on duty, so staff avatars skip interest culling.
      for (const [sid, p] of this.people) {
        const other = this.state.avatars.get(sid);
        if (p.kind === 'staff' && other && sid !== client.sessionId) client.view.add(other);
      }
      if (person.kind === 'staff') {
        for (const c of this.clients) if (c !== client) c.view?.add(avatar);
      }
      this.state.population = this.clients.length;
      this.updateInterest();
      if (person.kind === 'staff') client.send(ServerMessage.staffProfile, person.profile);
      if (auth.newResumeToken) client.send(ServerMessage.identity, { resumeToken: auth.newResumeToken });
      if (person.kind === 'resident') this.desk.residentJoined(client.sessionId, person.residentKey);
      else this.desk.staffJoined(client.sessionId, person.profile.id);
      deps.visits
        .recordEntry(this.state.population)
        .catch((err: unknown) => deps.log.error('visit count failed', err));
    }

    override onDrop(client: Client): void {
      const avatar = this.state.avatars.get(client.sessionId);
      if (avatar) avatar.away = true;
      // Not awaited: the promise settles when the client returns or the grace time runs out (then onLeave).
      this.allowReconnection(client, deps.config.RECONNECT_GRACE_S).catch(() => {});
    }

    override onReconnect(client: Client): void {
      const avatar = this.state.avatars.get(client.sessionId);
      if (avatar) avatar.away = false;
      const track = this.tracks.get(client.sessionId);
      // Time spent away must not become a distance budget for a teleport.
      if (track) this.tracks.set(client.sessionId, { ...track, lastAt: Date.now() });
      // Messages sent while the socket was down are lost: send this person's ticket or queue afresh.
      this.desk.forgetSession(client.sessionId);
      this.desk.update();
    }

    override onLeave(client: Client): void {
      const person = this.people.get(client.sessionId);
      this.people.delete(client.sessionId);
      this.desk.forgetSession(client.sessionId);
      this.state.avatars.delete(client.sessionId);
      this.tracks.delete(client.sessionId);
      this.interest.forget(client.sessionId);
      client.view?.dispose();
      this.state.population = this.clients.length;
      if (person) this.desk.personLeft(person);
    }

    private rules: MessageRules<ServerErrorCode> = {
      forbidden: (client, type) =>
        STAFF_MESSAGES.has(type) && this.people.get(client.sessionId)?.kind !== 'staff'
          ? 'only staff may send this'
          : null,
      isRefusal: (err): err is DeskError | QueueError | BookingError =>
        err instanceof DeskError || err instanceof QueueError || err instanceof BookingError,
      refuse: (client, type, code, detail) => this.refuse(client, { code, type, detail }),
      log: deps.log,
    };

    /** A queue or counter message: zod first, then the role check, then the desk; refusals change nothing. */
    private handle<S extends z.ZodType>(
      type: string,
      schema: S,
      run: (sessionId: string, message: z.infer<S>) => unknown,
    ): void {
      onValidMessage(this, this.rules, type, schema, (client, m) => run(client.sessionId, m));
    }

    /** The auditorium seat the resident with this key sits on here ('' when none): a briefing keeps it. */
    seatOf(residentKey: string): string {
      const sid = this.desk.sessionOfResident(residentKey);
      return (sid && this.state.avatars.get(sid)?.seat) || '';
    }

    /** Sitting down on a seat the avatar stands at, placed on it facing the stage; walking stands it up. */
    private sit(sessionId: string, seatId: string | null): void {
      const avatar = this.state.avatars.get(sessionId);
      if (!avatar) return;
      if (seatId === null) {
        avatar.seat = '';
        return;
      }
      const seat = seatToTake(deps.hall, this.state.avatars, sessionId, seatId);
      this.place(sessionId, seat.at);
      avatar.ry = FACING_ANGLE[seat.facing];
      avatar.seat = seatId;
    }

    private place(sessionId: string, at: readonly [number, number]): void {
      const track = this.tracks.get(sessionId);
      const avatar = this.state.avatars.get(sessionId);
      if (!track || !avatar) return;
      const placed = deps.movement.place(track, at, Date.now());
      this.tracks.set(sessionId, placed);
      this.applyTrack(avatar, placed);
      const correction: CorrectionMessage = { x: placed.x, z: placed.z, reason: 'placed' };
      this.clients.getById(sessionId)?.send(ServerMessage.correction, correction);
    }

    private handleMove(client: Client, raw: unknown): void {
      const parsed = MoveMessage.safeParse(raw);
      if (!parsed.success) {
        this.refuse(client, {
          code: 'invalidMessage',
          type: ClientMessage.move,
          detail: formatIssues(parsed.error),
        });
        return;
      }
      const track = this.tracks.get(client.sessionId);
      const avatar = this.state.avatars.get(client.sessionId);
      if (!track || !avatar) return;
      const outcome = deps.movement.move(track, parsed.data, Date.now());
      this.tracks.set(client.sessionId, outcome.track);
      if (outcome.accepted) {
        if (avatar.seat && Math.hypot(outcome.track.x - avatar.x, outcome.track.z - avatar.z) > 0.05)
          avatar.seat = '';
        this.applyTrack(avatar, outcome.track);
      } else {
        const correction: CorrectionMessage = {
          x: outcome.track.x,
          z: outcome.track.z,
          reason: outcome.reason,
        };
        client.send(ServerMessage.correction, correction);
      }
    }

    private applyTrack(avatar: AvatarState, track: Track): void {
      avatar.x = track.x;
      avatar.z = track.z;
      avatar.ry = track.ry;
      avatar.area = track.areaId;
    }

    private refuse(client: Client, error: ServerErrorMessage): void {
      client.send(ServerMessage.error, error);
    }

    private updateInterest(): void {
      refreshInterest(
        this.interest,
        this.tracks,
        this.state,
        deps.hall.layout.areas,
        (sid) => this.clients.getById(sid)?.view,
      );
    }
  };
}
