import { safeSpots } from '../../../../shared/layout/safeSpot.ts';
import { FACING_ANGLE } from '../../../../shared/layout/facing.ts';
import { Room, ServerError, type AuthContext, type Client } from '@colyseus/core';
import { StateView } from '@colyseus/schema';
import { AvatarState, HallState } from '../../../../shared/state/hallState.ts';
import {
  EventView,
  HallProtocol,
  STAFF_MESSAGES,
  type ServerPayload,
  type ClientMessageOf,
  type ClientType,
  type CorrectionMessage,
  type ServerErrorCode,
  type ServerErrorMessage,
} from '../../../../shared/protocol/index.ts';
import { listenerFor, teller } from '../common/typedMessages.ts';
import { PATCH_INTERVAL_MS, STAFF_UNIFORM_COLOR } from '../../../../shared/constants.ts';
import type { Desk } from '../../desk/desk.ts';
import type { DeskRoomPort, Person, SessionRef } from '../../desk/deskTypes.ts';
import { createJoinGuard } from '../common/joinGuard.ts';
import { sharedLimiter } from '../../limits/sharedLimiter.ts';
import { createStaffMirror } from './staffMirror.ts';
import { mirrorCounters } from './counterMirror.ts';
import { DomainError } from '../../domainError.ts';
import type { Track } from '../../services/movementService.ts';
import { createInterestService, type InterestService } from '../../services/interestService.ts';
import type { HallDeps } from './hallDeps.ts';
import { formatIssues } from '../common/formatIssues.ts';
import type { MessageRules } from '../common/roomMessages.ts';
import { admit, type JoinAuth } from './hallAdmission.ts';
import { seatToTake } from './hallSeating.ts';
import { refreshInterest } from './hallInterest.ts';
import { createPoseChannel, type PoseChannel } from './poseChannel.ts';
import { createWaveBudget, relayWave, staffWaves } from './hallWaves.ts';

/** How often each person's visibility is recomputed; people walk ~1 m in this time. */
const INTEREST_INTERVAL_MS = 250;
/** Observers are recomputed in this many turns within the interval. */
const INTEREST_PARTS = 4;
/** How often the markers of the ring beyond the nearest people are sent (their lower rate). */
const FAR_INTERVAL_MS = 500;

/**
 * The public hall. Thin by design: validate with zod, ask a service, mirror the answer into state.
 * Counters and queues are the desk's, which serves every hall room alike; a room is only "who you see".
 * Identity is the session id the server issued; a staff role comes only from a one-use hall pass the
 * server issued after sign-in, never from the client's word. Only the server opens hall rooms (clients
 * may only joinOrCreate, see app.ts), and seats reserved without connecting are capped per address.
 */
const tell = teller(HallProtocol);

export function createHallRoom(deps: HallDeps) {
  const guardOptions = {
    perAddress: deps.config.JOINS_PER_ADDRESS,
    windowMs: deps.config.HALL_SEAT_RESERVATION_S * 1000,
  };
  const joins = deps.joinGuard?.(guardOptions) ?? createJoinGuard(guardOptions);
  // A fresh identity is one request away, an address is not: numbers taken per address are capped, so
  // a join → take a number → leave loop cannot fill a queue ahead of real residents.
  const numbers = sharedLimiter(
    'tickets-per-address',
    { points: deps.config.TICKETS_PER_ADDRESS, perSeconds: deps.config.TICKETS_WINDOW_MIN * 60 },
    deps.redis,
  );
  return class HallRoom extends Room<{ state: HallState }> {
    override state = new HallState();
    override maxClients = deps.config.HALL_MAX_CLIENTS;
    override maxMessagesPerSecond = deps.config.MAX_MESSAGES_PER_SECOND;
    override seatReservationTimeout = deps.config.HALL_SEAT_RESERVATION_S;
    private tracks = new Map<string, Track>();
    /** Each session's client address, for limits per address. */
    private addresses = new Map<string, string>();
    private interest: InterestService = createInterestService({
      near: deps.config.NEAR_AVATARS,
      ring: deps.config.RING_AVATARS,
      radius: deps.config.INTEREST_RADIUS,
    });
    private people = new Map<string, Person>();
    private desk: Desk = deps.desk;
    private staffMirror!: ReturnType<typeof createStaffMirror>;
    private poses: PoseChannel = createPoseChannel();
    /** Staff sessions of this room: everyone sees them, wherever they stand. */
    private staffHere = new Set<string>();
    private port!: DeskRoomPort;

    /** How the desk reaches this room's people and what it mirrors here. */
    private makePort(): DeskRoomPort {
      return {
        id: this.roomId,
        send: (sid, type, message) => tell(this.clients.getById(sid), type, message),
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
      return admit(options, context.ip ?? 'unknown', { auth: deps.auth, visitors: deps.visitors, joins });
    }

    override onCreate(): void {
      // A hall room only opens when all are full; past HALL_MAX_ROOMS the city hall is full.
      if (this.desk.roomCount() >= deps.config.HALL_MAX_ROOMS) {
        throw new ServerError(503, 'hallFull: the city hall is full; please try again later');
      }
      this.setPatchRate(PATCH_INTERVAL_MS);
      for (const area of deps.hall.layout.areas) this.state.areaCounts.set(area.id, 0);
      this.onMessage('move', (client, raw: unknown) => this.handleMove(client, raw));
      const on = this.handle;
      const d = this.desk;
      on('sit', (ref, m) => this.sit(ref.sessionId, m.seatId));
      const staffWave = staffWaves(this.presence, this.roomId, (key) =>
        relayWave(this.clients, key, this.state.avatars.get(key)),
      );
      listenerFor(HallProtocol, this, { ...this.rules, budget: createWaveBudget() })('wave', (client) => {
        const avatar = this.state.avatars.get(client.sessionId);
        relayWave(this.clients, client.sessionId, avatar);
        const person = this.people.get(client.sessionId);
        if (person?.kind === 'staff' && avatar?.counterId && !avatar.consulting)
          staffWave.publish(person.profile.id);
      });
      // A refused request (closed counter, already queued) took no number and costs nothing.
      on('takeTicket', (ref, m) =>
        numbers.counted(this.addresses.get(ref.sessionId) ?? 'unknown', 'numbers taken', () =>
          d.takeTicket(ref, m.counterId, m.procedureId, undefined, m.lang, m.handover),
        ),
      );
      on('leaveQueue', (ref) => d.leaveQueue(ref));
      on('answerCall', (ref) => d.answerCall(ref));
      on('checkIn', (ref, m) =>
        deps.codeGuesses.attempt(this.addresses.get(ref.sessionId) ?? 'unknown', () =>
          d.checkIn(ref, m.code, m.nickname),
        ),
      );
      on('rejoinConsultation', (ref) => d.rejoinConsultation(ref));
      on('takeCounter', (ref, m) => d.takeCounter(ref, m.counterId));
      on('leaveCounter', (ref) => d.leaveCounter(ref));
      on('setCounterStatus', (ref, m) => d.setStatus(ref, m.status));
      on('callNext', (ref) => d.callNext(ref));
      on('markDone', (ref, m) => d.markDone(ref, m.ticketId));
      on('markNoShow', (ref, m) => d.markNoShow(ref, m.ticketId));
      on('transfer', (ref, m) => d.transfer(ref, m.ticketId, m.toCounterId, m.note));
      this.onMessage('*', (client, type) => {
        this.refuse(client, { code: 'unknownMessage', type: String(type), detail: `no such message type` });
      });
      // Timers of their own, not the room clock (which ticks inside each patch): in a crowd each of these
      // is a task of its own rather than one long one. Interest is done for a part of the observers at a
      // time for the same reason.
      this.timers.push(
        setInterval(() => this.updateInterest(), INTEREST_INTERVAL_MS / INTEREST_PARTS),
        setInterval(
          () =>
            this.poses.sendFar(this.sessionIds(), (sid) => this.interest.ringOf(sid), this.sendBytes('far')),
          FAR_INTERVAL_MS,
        ),
      );
      const stops = [
        deps.announcements.subscribe((list) => {
          for (const c of this.clients) tell(c, 'announcements', list);
        }),
        deps.disaster.subscribe((view) => {
          for (const c of this.clients) tell(c, 'disaster', view);
        }),
        deps.layouts.subscribe((version) => this.layoutChanged(version)),
        staffWave.stop,
      ];
      this.stopBoards = () => stops.forEach((stop) => stop());
      this.staffMirror = createStaffMirror(deps.hall, this.state, this.roomId, this.poses);
      this.port = this.makePort();
      this.state.hall = this.desk.attachRoom(this.port);
    }

    private timers: ReturnType<typeof setInterval>[] = [];
    private stopBoards: (() => void) | null = null;

    override onDispose(): void {
      for (const t of this.timers) clearInterval(t);
      this.stopBoards?.();
      // A room refused in onCreate (the city hall full) never attached; throwing here would leave
      // Colyseus' patch timer running on a room that has no state to send (and end the process).
      if (this.port) this.desk.detachRoom(this.port);
    }

    /**
     * Each patch tick also sends the poses that changed, and both leave as one write per client: a
     * socket corked for the tick coalesces the frames (in a crowd the system calls are the cost).
     */
    override broadcastPatch(): boolean {
      const sockets: { cork(): void; uncork(): void }[] = [];
      for (const c of this.clients) {
        const socket = (c as unknown as { ref?: { _socket?: { cork(): void; uncork(): void } } }).ref
          ?._socket;
        if (socket) {
          socket.cork();
          sockets.push(socket);
        }
      }
      try {
        this.sendPoses();
        return super.broadcastPatch();
      } finally {
        for (const s of sockets) s.uncork();
      }
    }

    override onJoin(client: Client, _options: unknown, auth: JoinAuth): void {
      joins.connected(auth.address);
      this.addresses.set(client.sessionId, auth.address);
      const track = deps.movement.spawn([...this.tracks.values()], Date.now());
      const avatar = new AvatarState();
      const { person } = auth;
      avatar.nickname = person.kind === 'staff' ? person.profile.displayName : auth.options.nickname;
      avatar.color = person.kind === 'staff' ? STAFF_UNIFORM_COLOR : auth.options.color;
      avatar.role = person.kind === 'staff' ? 'staff' : 'resident';
      avatar.area = track.areaId;
      avatar.n = this.poses.add(client.sessionId, track.x, track.z, track.ry).n;
      const spawned = { ...track, ...this.poses.move(client.sessionId, track.x, track.z, track.ry) };
      this.tracks.set(client.sessionId, spawned);
      this.state.avatars.set(client.sessionId, avatar);
      this.people.set(client.sessionId, person);
      if (person.kind === 'staff') this.staffHere.add(client.sessionId);
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
      // The newcomer's neighbours arrive with the next interest update (within INTEREST_INTERVAL_MS):
      // recomputing everyone's on each join would make a crowd arriving cost the square of its size.
      this.state.population = this.clients.length;
      this.pacePatches();
      if (person.kind === 'staff') tell(client, 'staffProfile', person.profile);
      // Where the server put them: positions are not part of the synchronised state.
      const placed: CorrectionMessage = { x: spawned.x, z: spawned.z, reason: 'placed' };
      tell(client, 'correction', placed);
      if (auth.newVisitorToken) tell(client, 'identity', { visitorToken: auth.newVisitorToken });
      this.tellBoards(client);
      this.desk.join(this.port, client.sessionId, person);
      deps.visits
        // The whole building (every hall room of every process), as the desk counted it at this join.
        .recordEntry(Math.max(this.state.population, this.state.building))
        .catch((err: unknown) => deps.log.error('visit count failed', err));
    }

    /**
     * A briefing was created, started or ended. Called by the server through the matchmaker on every hall
     * room of every process (hallBriefings.ts), never by a client: the message is encoded once for all.
     */
    briefingChanged(event: unknown): void {
      const e = EventView.safeParse(event);
      if (e.success) this.broadcast('briefing', e.data satisfies ServerPayload<HallProtocol, 'briefing'>);
      else deps.log.warn(`a briefing change this process does not understand: ${formatIssues(e.error)}`);
    }

    /** What everyone in the hall is told: the announcements, disaster mode and the plan, as they are now. */
    private tellBoards(client: Client): void {
      tell(client, 'announcements', deps.announcements.current());
      tell(client, 'disaster', deps.disaster.current());
      tell(client, 'layout', { version: deps.layouts.version() });
    }

    /**
     * An admin put another plan live: whoever now stands in a wall, a desk or a walled-off pocket is
     * moved to the nearest open floor (else the entrance), seats that are gone are left, and everyone is
     * told to fetch the new plan.
     */
    private layoutChanged(version: string): void {
      const spotFor = safeSpots(deps.hall);
      const seats = new Set(deps.hall.seats.map((s) => s.id));
      for (const [sessionId, track] of this.tracks) {
        const avatar = this.state.avatars.get(sessionId);
        if (avatar?.seat && !seats.has(avatar.seat)) {
          avatar.seat = '';
          this.desk.seated(this.ref(sessionId), '');
        }
        // Staff at a counter stand behind it wherever it now is; everyone else only if they must move.
        const desk = avatar?.counterId
          ? deps.hall.serviceDesks.find((c) => c.id === avatar.counterId)
          : undefined;
        const spot = desk ? desk.staffSpot : spotFor(track.x, track.z);
        if (spot) this.place(sessionId, spot);
        else {
          // Where they stand may belong to another area now (areas redrawn, renamed or gone).
          const areaId = deps.hall.areaAt(track.x, track.z)?.id ?? '';
          this.tracks.set(sessionId, { ...track, areaId });
          if (avatar && avatar.area !== areaId) avatar.area = areaId;
        }
      }
      const areas = new Set(deps.hall.layout.areas.map((a) => a.id));
      for (const id of [...this.state.areaCounts.keys()])
        if (!areas.has(id)) this.state.areaCounts.delete(id);
      for (const id of areas) if (!this.state.areaCounts.has(id)) this.state.areaCounts.set(id, 0);
      for (const c of this.clients) tell(c, 'layout', { version });
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
      this.poses.resend(client.sessionId);
      this.tellBoards(client);
    }

    override onLeave(client: Client): void {
      this.people.delete(client.sessionId);
      this.state.avatars.delete(client.sessionId);
      this.staffHere.delete(client.sessionId);
      this.poses.remove(client.sessionId);
      this.poses.forgetClient(client.sessionId);
      this.tracks.delete(client.sessionId);
      this.addresses.delete(client.sessionId);
      this.interest.forget(client.sessionId);
      client.view?.dispose();
      this.state.population = this.clients.length;
      this.pacePatches();
      this.desk.leave(this.ref(client.sessionId));
    }

    private ref = (sessionId: string): SessionRef => ({ room: this.port, sessionId });

    private rules: MessageRules<ServerErrorCode> = {
      forbidden: (client, type) =>
        STAFF_MESSAGES.has(type) && this.people.get(client.sessionId)?.kind !== 'staff'
          ? 'only staff may send this'
          : null,
      // Service codes are the hall's error codes (shared/protocol/errors.ts): a refusal passes as it is.
      isRefusal: (err): err is DomainError<ServerErrorCode> => err instanceof DomainError,
      refuse: (client, type, code, detail) => this.refuse(client, { code, type, detail }),
      log: deps.log,
    };

    /** A queue or counter message: zod first, then the role check, then the desk; refusals change nothing. */
    private handle = <K extends ClientType<HallProtocol>>(
      type: K,
      run: (ref: SessionRef, message: ClientMessageOf<HallProtocol, K>) => unknown,
    ): void =>
      listenerFor(HallProtocol, this, this.rules)(type, (client, m) => run(this.ref(client.sessionId), m));

    /** Sitting down on a seat the avatar stands at, placed on it facing the stage; walking stands it up. */
    private sit(sessionId: string, seatId: string | null): void {
      const avatar = this.state.avatars.get(sessionId);
      if (!avatar) return;
      if (seatId === null) {
        avatar.seat = '';
        this.desk.seated(this.ref(sessionId), '');
        return;
      }
      const track = this.tracks.get(sessionId);
      if (!track) return;
      const seat = seatToTake(deps.hall, this.state.avatars, sessionId, seatId, track);
      this.place(sessionId, seat.at, FACING_ANGLE[seat.facing]);
      avatar.seat = seatId;
      this.desk.seated(this.ref(sessionId), seatId);
    }

    private place(sessionId: string, at: readonly [number, number], ry?: number): void {
      const track = this.tracks.get(sessionId);
      const avatar = this.state.avatars.get(sessionId);
      if (!track || !avatar) return;
      const moved = deps.movement.place(track, at, Date.now());
      const placed = this.applyTrack(sessionId, avatar, ry === undefined ? moved : { ...moved, ry });
      this.tracks.set(sessionId, placed);
      const correction: CorrectionMessage = { x: placed.x, z: placed.z, reason: 'placed' };
      tell(this.clients.getById(sessionId), 'correction', correction);
    }

    private handleMove(client: Client, raw: unknown): void {
      const parsed = HallProtocol.client.move.safeParse(raw);
      if (!parsed.success) {
        this.refuse(client, {
          code: 'invalidMessage',
          type: 'move',
          detail: formatIssues(parsed.error),
        });
        return;
      }
      const track = this.tracks.get(client.sessionId);
      const avatar = this.state.avatars.get(client.sessionId);
      if (!track || !avatar) return;
      const outcome = deps.movement.move(track, parsed.data, Date.now());
      if (outcome.accepted) {
        if (avatar.seat && Math.hypot(outcome.track.x - track.x, outcome.track.z - track.z) > 0.05) {
          avatar.seat = '';
          this.desk.seated(this.ref(client.sessionId), '');
        }
        this.tracks.set(client.sessionId, this.applyTrack(client.sessionId, avatar, outcome.track));
      } else {
        this.tracks.set(client.sessionId, outcome.track);
        const correction: CorrectionMessage = {
          x: outcome.track.x,
          z: outcome.track.z,
          reason: outcome.reason,
        };
        tell(client, 'correction', correction);
      }
    }

    /**
     * Writes a track into the avatar (only changed fields go on the wire) and returns the track as the
     * wire carries it: positions are quantized, and the server keeps exactly what clients see.
     */
    private applyTrack(sessionId: string, avatar: AvatarState, track: Track): Track {
      if (avatar.area !== track.areaId) avatar.area = track.areaId;
      return { ...track, ...this.poses.move(sessionId, track.x, track.z, track.ry) };
    }

    private sessionIds = () => this.people.keys();

    private sendBytes =
      (type: 'poses' | 'far') =>
      (sessionId: string, bytes: Uint8Array): void =>
        tell(this.clients.getById(sessionId), type, bytes);

    private sendPoses(): void {
      // Everyone seen in full by a client: its nearest residents, and all staff (here and mirrored).
      const always = [...this.staffHere, ...this.staffMirror.keys()];
      this.poses.sendNear(
        this.sessionIds(),
        (sid) => [this.interest.nearOf(sid), always],
        this.sendBytes('poses'),
      );
    }

    private refuse(client: Client, error: ServerErrorMessage): void {
      deps.metrics.refused('hall', error.code);
      tell(client, 'error', error);
    }

    private crowded = false;

    /**
     * A crowded room sends state and positions at half the rate (and recomputes who sees whom at half
     * the pace): every message to every client costs a system call, and in a crowd those dominate.
     * Movement is interpolated on the client either way.
     */
    private pacePatches(): void {
      const crowded = this.clients.length > deps.config.CROWD_PATCH_ABOVE;
      if (crowded === this.crowded) return;
      this.crowded = crowded;
      this.setPatchRate(crowded ? PATCH_INTERVAL_MS * 2 : PATCH_INTERVAL_MS);
    }

    private interestTurn = 0;

    private interestCalls = 0;

    private updateInterest(): void {
      // A crowded room recomputes at half the pace too (each person every 500 ms).
      if (this.crowded && this.interestCalls++ % 2 === 1) return;
      this.interestTurn = (this.interestTurn + 1) % INTEREST_PARTS;
      refreshInterest(
        this.interest,
        this.tracks,
        (sid) => this.people.get(sid)?.kind === 'staff',
        this.state,
        deps.hall.layout.areas,
        (sid) => this.clients.getById(sid)?.view,
        this.poses,
        { part: this.interestTurn, of: INTEREST_PARTS },
      );
    }
  };
}
