import { FACING_ANGLE } from '../../../../shared/layout/facing.ts';
import { randomBytes } from 'node:crypto';
import { Room, ServerError, type AuthContext, type Client } from '@colyseus/core';
import type { z } from 'zod';
import { StateView } from '@colyseus/schema';
import { AvatarState, HallState } from '../../../../shared/state/hallState.ts';
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
} from '../../../../shared/protocol/index.ts';
import { PATCH_INTERVAL_MS, STAFF_UNIFORM_COLOR } from '../../../../shared/constants.ts';
import { QueueError } from '../../services/queueTicket.ts';
import { BookingError } from '../../services/bookingService.ts';
import type { Desk } from '../../desk/desk.ts';
import type { DeskRoomPort, Person, SessionRef } from '../../desk/deskTypes.ts';
import { createJoinGuard } from '../common/joinGuard.ts';
import { createStaffMirror } from './staffMirror.ts';
import { mirrorCounters } from './counterMirror.ts';
import { DeskError } from '../common/roomRefusal.ts';
import type { Track } from '../../services/movementService.ts';
import { createInterestService, type InterestService } from '../../services/interestService.ts';
import type { HallDeps } from './hallDeps.ts';
import { formatIssues } from '../common/formatIssues.ts';
import { onValidMessage, type MessageRules } from '../common/roomMessages.ts';
import { residentKeyOf, staffFromPass } from '../common/joinIdentity.ts';
import { seatToTake } from './hallSeating.ts';
import { refreshInterest } from './hallInterest.ts';

/** How often visibility and per-area counts are recomputed; people walk ~1 m in this time. */
const INTEREST_INTERVAL_MS = 250;

interface JoinAuth {
  options: HallJoinOptions;
  person: Person;
  /** Only for a resident who came without one: sent to them once on join. */
  newResumeToken?: string;
  /** The client address the seat was reserved for (its reservation counts until it connects). */
  address: string;
}

/**
 * The public hall. Thin by design: validate with zod, ask a service, mirror the answer into state.
 * Counters and queues are the desk's, which serves every hall room alike; a room is only "who you see".
 * Identity is the session id the server issued; a staff role comes only from a one-use hall pass the
 * server issued after sign-in, never from the client's word. Only the server opens hall rooms (clients
 * may only joinOrCreate, see app.ts), and seats reserved without connecting are capped per address.
 */
export function createHallRoom(deps: HallDeps) {
  const joins = createJoinGuard({
    perAddress: deps.config.JOINS_PER_ADDRESS,
    windowMs: deps.config.HALL_SEAT_RESERVATION_S * 1000,
  });
  return class HallRoom extends Room<{ state: HallState }> {
    override state = new HallState();
    override maxClients = deps.config.HALL_MAX_CLIENTS;
    override maxMessagesPerSecond = deps.config.MAX_MESSAGES_PER_SECOND;
    override seatReservationTimeout = deps.config.HALL_SEAT_RESERVATION_S;
    private tracks = new Map<string, Track>();
    private interest: InterestService = createInterestService(deps.config.INTEREST_RADIUS);
    private people = new Map<string, Person>();
    private desk: Desk = deps.desk;
    private staffMirror!: ReturnType<typeof createStaffMirror>;
    private port!: DeskRoomPort;

    /** How the desk reaches this room's people and what it mirrors here. */
    private makePort(): DeskRoomPort {
      return {
        id: this.roomId,
        send: (sid, type, message) => this.clients.getById(sid)?.send(type, message),
        place: (sid, at) => this.place(sid, at),
        setConsulting: (sid, on) => {
          const a = this.state.avatars.get(sid);
          if (a) a.consulting = on;
        },
        setCounter: (sid, counterId) => {
          const a = this.state.avatars.get(sid);
          if (a) a.counterId = counterId;
        },
        counters: (changed) => mirrorCounters(this.state, changed),
        staffOnDuty: (list) => {
          for (const a of this.staffMirror.sync(list)) for (const c of this.clients) c.view?.add(a);
        },
        building: (n) => {
          if (this.state.building !== n) this.state.building = n;
        },
      };
    }

    /** Runs while the seat is being reserved (before any WebSocket): options, identity, the address cap. */
    static override async onAuth(_token: string, options: unknown, context: AuthContext): Promise<JoinAuth> {
      const parsed = HallJoinOptions.safeParse(options);
      if (!parsed.success) throw new ServerError(400, `invalidOptions: ${formatIssues(parsed.error)}`);
      const opts = parsed.data;
      const address = context.ip ?? 'unknown';
      joins.reserve(address);
      if (opts.staffPass) {
        const profile = await staffFromPass(deps.auth, opts.staffPass);
        return { options: opts, person: { kind: 'staff', profile }, address };
      }
      const token = opts.resumeToken ?? randomBytes(32).toString('base64url');
      return {
        options: opts,
        person: { kind: 'resident', residentKey: residentKeyOf(token), nickname: opts.nickname },
        newResumeToken: opts.resumeToken ? undefined : token,
        address,
      };
    }

    override onCreate(): void {
      // A hall room only opens when all are full; past HALL_MAX_ROOMS the city hall is full.
      if (this.desk.roomCount() >= deps.config.HALL_MAX_ROOMS) {
        throw new ServerError(503, 'hallFull: the city hall is full; please try again later');
      }
      this.setPatchRate(PATCH_INTERVAL_MS);
      for (const area of deps.hall.layout.areas) this.state.areaCounts.set(area.id, 0);
      this.onMessage(ClientMessage.move, (client, raw: unknown) => this.handleMove(client, raw));
      this.handle(ClientMessage.sit, SitMessage, (ref, m) => this.sit(ref.sessionId, m.seatId));
      const d = this.desk;
      this.handle(ClientMessage.takeTicket, TakeTicketMessage, (ref, m) =>
        d.takeTicket(ref, m.counterId, m.procedureId),
      );
      this.handle(ClientMessage.leaveQueue, EmptyMessage, (ref) => d.leaveQueue(ref));
      this.handle(ClientMessage.answerCall, EmptyMessage, (ref) => d.answerCall(ref));
      this.handle(ClientMessage.checkIn, CheckInMessage, (ref, m) => d.checkIn(ref, m.code));
      this.handle(ClientMessage.takeCounter, TakeCounterMessage, (ref, m) => d.takeCounter(ref, m.counterId));
      this.handle(ClientMessage.leaveCounter, EmptyMessage, (ref) => d.leaveCounter(ref));
      this.handle(ClientMessage.setCounterStatus, SetCounterStatusMessage, (ref, m) =>
        d.setStatus(ref, m.status),
      );
      this.handle(ClientMessage.callNext, EmptyMessage, (ref) => d.callNext(ref));
      this.handle(ClientMessage.markDone, TicketActionMessage, (ref, m) => d.markDone(ref, m.ticketId));
      this.handle(ClientMessage.markNoShow, TicketActionMessage, (ref, m) => d.markNoShow(ref, m.ticketId));
      this.handle(ClientMessage.transfer, TransferMessage, (ref, m) =>
        d.transfer(ref, m.ticketId, m.toCounterId, m.note),
      );
      this.onMessage('*', (client, type) => {
        this.refuse(client, { code: 'unknownMessage', type: String(type), detail: `no such message type` });
      });
      this.clock.setInterval(() => this.updateInterest(), INTEREST_INTERVAL_MS);
      this.staffMirror = createStaffMirror(deps.hall, this.state, this.roomId);
      this.port = this.makePort();
      this.state.hall = this.desk.attachRoom(this.port);
    }

    override onDispose(): void {
      this.desk.detachRoom(this.port);
    }

    override onJoin(client: Client, _options: unknown, auth: JoinAuth): void {
      joins.connected(auth.address);
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
      this.staffMirror.showTo(client.view);
      if (person.kind === 'staff') {
        for (const c of this.clients) if (c !== client) c.view?.add(avatar);
      }
      this.state.population = this.clients.length;
      this.updateInterest();
      if (person.kind === 'staff') client.send(ServerMessage.staffProfile, person.profile);
      if (auth.newResumeToken) client.send(ServerMessage.identity, { resumeToken: auth.newResumeToken });
      this.desk.join(this.port, client.sessionId, person);
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
      this.desk.rejoined(this.ref(client.sessionId));
    }

    override onLeave(client: Client): void {
      this.people.delete(client.sessionId);
      this.state.avatars.delete(client.sessionId);
      this.tracks.delete(client.sessionId);
      this.interest.forget(client.sessionId);
      client.view?.dispose();
      this.state.population = this.clients.length;
      this.desk.leave(this.ref(client.sessionId));
    }

    private ref = (sessionId: string): SessionRef => ({ room: this.port, sessionId });

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
      run: (ref: SessionRef, message: z.infer<S>) => unknown,
    ): void {
      onValidMessage(this, this.rules, type, schema, (client, m) => run(this.ref(client.sessionId), m));
    }

    /** The auditorium seat the resident with this key sits on here ('' when none): a briefing keeps it. */
    seatOf(residentKey: string): string {
      let seat = '';
      for (const [sid, p] of this.people) {
        if (p.kind === 'resident' && p.residentKey === residentKey)
          seat = this.state.avatars.get(sid)?.seat ?? '';
      }
      return seat;
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
