import { Room, ServerError, type AuthContext, type Client } from '@colyseus/core';
import {
  BriefingJoinOptions,
  BriefingProtocol,
  MODERATOR_MESSAGES,
  type BriefingErrorCode,
  type ClientMessageOf,
  type ClientType,
  type IceServer,
  type SignalMessage,
} from '../../../../shared/protocol/index.ts';
import { BriefingPerson, BriefingState } from '../../../../shared/state/briefingState.ts';
import { createCaptionLog } from './captionLog.ts';
import type { Seat } from '../../../../shared/layout/layoutSchema.ts';
import type { AuthService } from '../../auth/authService.ts';
import type { EventService } from '../../services/eventService.ts';
import type { EventView } from '../../../../shared/protocol/index.ts';
import { formatIssues } from '../common/formatIssues.ts';
import type { MessageRules } from '../common/roomMessages.ts';
import { listenerFor, teller } from '../common/typedMessages.ts';
import type { Logger } from '../../logger.ts';
import type { Metrics } from '../../metrics.ts';
import { whoJoins } from './briefingIdentity.ts';
import type { VisitorTokens } from '../../auth/visitorTokens.ts';
import { createJoinGuard, type JoinGuard, type JoinGuardOptions } from '../common/joinGuard.ts';
import { createQuestionBoard } from './questionBoard.ts';
import { DomainError } from '../../domainError.ts';
import { freeSeat } from './briefingSeats.ts';
import { messageBudget } from '../common/messageBudget.ts';
import { createStageFeeds, mayPublish } from './stageFeeds.ts';
import type { StageInfo } from '../../media/stageTypes.ts';
import { assignViewers, mayExchangeSignals } from './p2pStageRules.ts';
import type { UsageRecorder } from '../../services/usageCounts.ts';
import { createBriefingViews } from './briefingViews.ts';

const tell = teller(BriefingProtocol);

/** What the seat reservation learnt, handed to onJoin: a resident's key comes from a checked token. */
interface BriefingJoining {
  options: BriefingJoinOptions;
  address: string;
  visitorKey: string | null;
}

/**
 * One briefing. Attendees fill the auditorium's seats first; when they are taken, newcomers land in
 * the overflow hall of the same room (same stage, same Q&A) until the event's capacity. Roles come
 * from a staff hall pass (presenter if named on the event, moderator if host or admin), never from the
 * client. One vote per person and question; the display order is `orderQuestions` (shared).
 */
export function createBriefingRoom(deps: {
  auth: AuthService;
  events: EventService;
  /** The auditorium's seats in the plan in use (an admin may put a new plan live). */
  seats: () => Seat[];
  /** The event's Janus room and PIN, when an SFU is configured. */
  stage(eventId: number): Promise<StageInfo | null>;
  /** The Janus instance (and room) one member uses: the server decides, by role and each instance's share. */
  place(eventId: number, sessionId: string, publisherRole: boolean): Promise<StageInfo | null>;
  left(eventId: number, sessionId: string): void;
  /** With a Janus that requires tokens: one per member, withdrawn when they leave. */
  stageAccess?: { grant(instance: number): Promise<string>; revoke(token: string): Promise<void> };
  /** Pages in the event's slide deck when the room opens. */
  deckSize(eventId: number): Promise<number>;
  /** Without an SFU: how many receive the presenter's video directly from the presenter's browser. */
  p2pViewers: number;
  /** STUN/TURN servers for one person (TURN credentials of their own when configured). */
  ice: { forPerson(who: string): IceServer[] };
  /** With an SFU: the only publisher ids Janus should keep in the event's room. */
  allowFeeds(eventId: number, feeds: { feed: number; sessionId: string }[] | null): void;
  /** Checks residents' visitor tokens. */
  visitors: VisitorTokens;
  /** The auditorium seat a resident (by resident key) sits on in the hall, '' when none. */
  seatOf(residentKey: string): Promise<string>;
  log: Logger;
  metrics: Metrics;
  /** Seat reservations not yet connected, per address (shared by processes when given). */
  joinGuard?: (opts: JoinGuardOptions) => JoinGuard;
  joinsPerAddress: number;
  seatReservationS: number;
  maxMessagesPerSecond: number;
  /** How long a dropped member keeps their place, Janus token and feed while their connection comes back. */
  reconnectGraceS: number;
  /** Counts attendance and questions for the city's figures (no names). */
  usage?: UsageRecorder;
}) {
  // A reservation holds a place (capacity + 20) for its time whether anyone connects or not: without a
  // cap per address, a few plain HTTP requests kept a small briefing full.
  const guardOptions = { perAddress: deps.joinsPerAddress, windowMs: deps.seatReservationS * 1000 };
  const joins = deps.joinGuard?.(guardOptions) ?? createJoinGuard(guardOptions);
  // One briefing room per event in this process: a second one would split the audience and the Q&A.
  const openEvents = new Set<number>();
  return class BriefingRoom extends Room<{ state: BriefingState }> {
    override state = new BriefingState();
    private event!: EventView;
    private stage: Awaited<ReturnType<typeof deps.stage>> = null;
    private board = createQuestionBoard(this.state.questions);
    private captions = createCaptionLog(this.state.captions);
    /** Who receives which people and questions: hosts all, attendees what they look at. */
    private views = createBriefingViews(this.state, (key) => this.board.askedBy(key));
    /** Person key of each session, and the keys a moderator removed (they cannot come back). */
    private keys = new Map<string, string>();
    private removed = new Set<string>();
    /** Each member's Janus token (with a Janus that requires them). */
    private stageTokens = new Map<string, string>();
    /** Members whose connection dropped, held until they come back or the grace time runs out. */
    private held = new Map<string, ReturnType<Room['allowReconnection']>>();
    private disposed = false;
    /** Publisher ids handed out privately; the public `feed` of a person follows once on air. */
    private feeds = createStageFeeds((feeds) => deps.allowFeeds(this.event.id, feeds));

    override async onCreate(options: { eventId?: unknown }): Promise<void> {
      const id = Number(options?.eventId);
      if (openEvents.has(id)) throw new ServerError(409, 'eventFull: the briefing is full');
      openEvents.add(id);
      try {
        await this.open(id);
      } catch (err) {
        openEvents.delete(id);
        throw err;
      }
    }

    override onDispose(): void {
      this.disposed = true;
      for (const sessionId of [...this.stageTokens.keys()]) this.withdraw(sessionId);
      if (!this.event) return;
      openEvents.delete(this.event.id);
      deps.allowFeeds(this.event.id, null);
    }

    private async open(id: number): Promise<void> {
      const event = Number.isInteger(id) && id > 0 ? await deps.events.get(id).catch(() => null) : null;
      if (!event || event.status !== 'live')
        throw new ServerError(404, 'eventNotLive: no live event with that id');
      this.event = event;
      this.maxClients = event.capacity + 20; // room for presenters and moderators beyond the audience
      this.state.eventId = event.id;
      this.state.seats = Math.min(deps.seats().length, event.capacity);
      this.state.slides = await deps.deckSize(event.id);
      this.state.deckVersion = 1;
      this.stage = await deps.stage(event.id);
      this.state.media = this.stage ? 'sfu' : 'p2p';
      // From now on this process keeps the stage to the feeds this room hands out (none yet).
      if (this.stage) deps.allowFeeds(event.id, []);
      this.state.p2pLimit = deps.p2pViewers;
      await this.setMetadata({ eventId: event.id });
      this.on('raiseHand', (c, m) => this.person(c).then((p) => (p.hand = m.up)));
      this.on('ask', async (c, m) => {
        this.board.ask(this.keyOf(c), (await this.person(c)).nickname, m.text);
        this.views.asked(this.keyOf(c));
        deps.usage?.record('briefingQuestion', String(this.event.id));
      });
      this.on('vote', async (c, m) => this.board.vote(this.keyOf(c), m.questionId));
      this.on('questionPage', async (c, m) => this.views.turnPage(c.sessionId, m.page));
      this.on('pin', async (_c, m) => (this.board.find(m.questionId).pinned = m.pinned));
      this.on('markAnswered', async (_c, m) => (this.board.find(m.questionId).answered = true));
      this.on('hide', async (_c, m) => this.board.hide(m.questionId));
      this.on('lowerHand', (_c, m) => this.target(m.sessionId).then((p) => (p.hand = false)));
      this.on('invite', (_c, m) =>
        this.target(m.sessionId).then((p) => {
          p.speaking = true;
          p.hand = false;
        }),
      );
      this.on('remove', (_c, m) => this.removePerson(m.sessionId));
      this.on('removeAuthor', async (_c, m) => this.removeMember(this.board.askerOf(m.questionId)));
      this.on('stopSpeaking', (c, m) => this.stopSpeaking(c, m.sessionId));
      this.on('slide', (_c, m) => this.turnTo(m.index));
      this.on('signal', (c, m) => this.relay(c, m));
      this.on('caption', async (_c, m) => this.captions.add(m.text));
      this.on('requestFeed', (c) => this.handOutFeed(c));
      this.on('onAir', (c, m) => this.onAir(c, m.feed));
      this.onMessage('*', (client, type) =>
        this.refuse(client, String(type), 'unknownMessage', 'no such message type'),
      );
    }

    override seatReservationTimeout = deps.seatReservationS;

    /** Runs before a seat is reserved (no WebSocket yet): the options, and the address's reservations. */
    static override async onAuth(
      _token: string,
      options: unknown,
      context: AuthContext,
    ): Promise<BriefingJoining> {
      const parsed = BriefingJoinOptions.safeParse(options);
      if (!parsed.success) throw new ServerError(400, `invalidOptions: ${formatIssues(parsed.error)}`);
      // A resident is someone the server issued a token to: a made-up one would escape a removal or
      // the one-vote rule, so it is refused before any seat is reserved.
      const visitor = parsed.data.staffPass ? null : deps.visitors.check(parsed.data.visitorToken);
      if (!parsed.data.staffPass && !visitor) {
        throw new ServerError(
          401,
          'visitorTokenInvalid: a resident joins with the visitor token the hall (or POST /api/visitor) gave this tab',
        );
      }
      const address = context.ip ?? 'unknown';
      await joins.reserve(address);
      return { options: parsed.data, address, visitorKey: visitor?.key ?? null };
    }

    /** Who joins (staff pass, removal, seat claim) once the connection is here. */
    override async onJoin(client: Client, _options: unknown, joining: BriefingJoining): Promise<void> {
      joins.connected(joining.address);
      const o = joining.options;
      if (o.eventId !== this.event.id) throw new ServerError(400, 'invalidOptions: wrong event');
      const auth = await whoJoins(o, joining.visitorKey, this.event, deps, this.removed);
      const audience = [...this.state.people.values()].filter((p) => p.role === 'attendee').length;
      if (auth.role === 'attendee' && audience >= this.event.capacity) {
        throw new ServerError(409, 'eventFull: the briefing is full');
      }
      const p = new BriefingPerson();
      p.nickname = auth.nickname;
      p.role = auth.role;
      if (auth.role === 'attendee') {
        // The seat the resident walked to and sat on, if it is free; otherwise the first free one.
        const seat = freeSeat(this.state.people.values(), deps.seats(), this.state.seats, auth.seat);
        if (seat) p.seat = seat;
        else p.overflow = true;
      }
      this.state.people.set(client.sessionId, p);
      this.keys.set(client.sessionId, auth.key);
      this.views.join(client, p, auth.key);
      if (auth.role === 'attendee') {
        deps.usage?.record('briefingJoin', String(this.event.id), { peak: audience + 1 });
      }
      // Only people inside the briefing learn the stage's PIN, each with their own Janus token.
      const iceServers = deps.ice.forPerson(`e${this.event.id}-${client.sessionId}`);
      if (this.state.media === 'sfu') {
        const place = await deps.place(this.event.id, client.sessionId, auth.role !== 'attendee');
        if (place) {
          const { instance, ...where } = place;
          tell(client, 'stage', {
            mode: 'sfu',
            ...where,
            ...(await this.stageToken(client, instance)),
            iceServers,
          });
        }
      } else {
        assignViewers(this.state.people.values(), deps.p2pViewers);
        tell(client, 'stage', { mode: 'p2p', iceServers, limit: deps.p2pViewers });
      }
    }

    /** A Janus token for this member, remembered so it can be withdrawn when they go. */
    private async stageToken(client: Client, instance: number): Promise<{ token?: string }> {
      if (!deps.stageAccess) return {};
      const token = await deps.stageAccess.grant(instance).catch((err: unknown) => {
        deps.log.error('Janus refused a stage token: this member cannot watch the stage', err);
        return undefined;
      });
      if (!token) return {};
      this.stageTokens.set(client.sessionId, token);
      // The room closed, or the member left, while Janus was granting it: nobody will withdraw it later.
      if (this.disposed || !this.state.people.has(client.sessionId)) {
        this.withdraw(client.sessionId);
        return {};
      }
      return { token };
    }

    private withdraw(sessionId: string): void {
      const token = this.stageTokens.get(sessionId);
      if (!token || !deps.stageAccess) return;
      this.stageTokens.delete(sessionId);
      void deps.stageAccess
        .revoke(token)
        .catch((err: unknown) => deps.log.warn('could not withdraw a Janus token (swept within a day)', err));
    }

    /**
     * A dropped connection (a weak link, a busy machine missing pings) is not a leave: the member keeps their
     * seat, Janus token and feed for the grace time. Withdrawing them at once took the stage from a presenter
     * whose media to Janus was still flowing.
     */
    override onDrop(client: Client): void {
      // Closed by the server itself (removed by a moderator): a leave, with nothing to hold.
      if (this.removed.has(this.keyOf(client))) return;
      const held = this.allowReconnection(client, deps.reconnectGraceS);
      this.held.set(client.sessionId, held);
      held.catch(() => {});
    }

    override onReconnect(client: Client): void {
      this.held.delete(client.sessionId);
      // A publisher id handed out just before the drop may never have arrived: the same id again (not a new
      // one, which would kick a publisher that did get it and is joining Janus with it).
      const feed = this.feeds.handedTo(client.sessionId);
      if (feed !== undefined && this.state.people.get(client.sessionId)?.feed !== feed)
        tell(client, 'feed', { id: feed });
    }

    override onLeave(client: Client): void {
      this.held.delete(client.sessionId);
      this.withdraw(client.sessionId);
      if (this.stage) deps.left(this.event.id, client.sessionId);
      this.views.leave(client);
      const gone = this.state.people.get(client.sessionId);
      this.state.people.delete(client.sessionId);
      this.keys.delete(client.sessionId);
      if (gone?.seat) this.seatFromOverflow(gone.seat);
      if (this.state.media === 'p2p') assignViewers(this.state.people.values(), deps.p2pViewers);
      this.pruneFeeds();
    }

    /** Views and counts follow whatever changed since the last patch (one pass, not one per change). */
    override onBeforePatch(): void {
      this.views.sync();
    }

    /** A freed seat goes to whoever has waited longest in the overflow hall (people keep join order). */
    private seatFromOverflow(freed: string): void {
      const waiting = [...this.state.people.values()].find((p) => p.overflow);
      const seat = waiting && freeSeat(this.state.people.values(), deps.seats(), this.state.seats, freed);
      if (!waiting || !seat) return;
      waiting.overflow = false;
      waiting.seat = seat;
    }

    /** A new slide deck was uploaded while the event is live. */
    setDeck(pages: number): void {
      this.state.slides = pages;
      // Same page count or not, the pages are new: clients fetch the list (and its new image URLs) again.
      this.state.deckVersion++;
      if (this.state.slide >= pages) this.state.slide = 0;
    }

    /**
     * With an SFU, a presenter or invited speaker about to publish gets a fresh, unguessable Janus publisher
     * id, privately; Janus keeps only handed-out ids (others are kicked within seconds). Asking again (a
     * reconnect) replaces the old id, so whoever grabbed it once it was public is kicked too.
     */
    private async handOutFeed(client: Client): Promise<void> {
      if (this.state.media !== 'sfu') throw new DomainError('noSfu', 'the stage is peer-to-peer');
      const p = await this.person(client);
      if (!mayPublish(p)) throw new DomainError('forbidden', 'only presenters and invited speakers publish');
      p.feed = 0;
      tell(client, 'feed', { id: this.feeds.handOut(client.sessionId) });
    }

    /** The publisher reports its feed is in Janus: attendees may now subscribe to it. */
    private async onAir(client: Client, feed: number): Promise<void> {
      const p = await this.person(client);
      if (!this.feeds.isHandedTo(client.sessionId, feed))
        throw new DomainError('notYourFeed', 'that publisher id was not handed to you');
      p.feed = feed;
    }

    /** Takes the stage from people no longer allowed on it (they left, or their turn to speak ended). */
    private pruneFeeds(): void {
      if (this.state.media !== 'sfu') return;
      for (const p of this.state.people.values()) if (!mayPublish(p)) p.feed = 0;
      this.feeds.keep((sid) => mayPublish(this.state.people.get(sid)));
    }

    private async turnTo(index: number): Promise<void> {
      if (index >= Math.max(1, this.state.slides))
        throw new DomainError('invalidMessage', `the deck has ${this.state.slides} pages`);
      this.state.slide = index;
    }

    private async stopSpeaking(client: Client, sessionId: string): Promise<void> {
      const role = this.state.people.get(client.sessionId)?.role;
      if (sessionId !== client.sessionId && role !== 'presenter' && role !== 'moderator')
        throw new DomainError('invalidMessage', 'only moderators can stop someone else speaking');
      (await this.target(sessionId)).speaking = false;
      this.pruneFeeds();
    }

    /** Signalling for the peer-to-peer stage, only between the presenter and a viewer or invited speaker. */
    private async relay(client: Client, m: SignalMessage): Promise<void> {
      if (this.state.media !== 'p2p')
        throw new DomainError('invalidMessage', 'the stage streams through the SFU');
      const from = this.state.people.get(client.sessionId);
      const to = this.state.people.get(m.to);
      const target = this.clients.getById(m.to);
      if (!from || !to || !target) throw new DomainError('invalidMessage', 'no such person in this briefing');
      if (!mayExchangeSignals(from, to))
        throw new DomainError(
          'invalidMessage',
          'video goes only between the presenter and a viewer or invited speaker',
        );
      const { to: _to, ...signal } = m;
      tell(target, 'signal', { from: client.sessionId, ...signal });
    }

    private rules: MessageRules<BriefingErrorCode> = {
      forbidden: (client, type) => {
        const role = this.state.people.get(client.sessionId)?.role;
        // Presenters are hosts (checked when the event is created), so they moderate too.
        const moderates = role === 'presenter' || role === 'moderator';
        if (type === 'caption') return role === 'captioner' ? null : 'captioners only';
        return MODERATOR_MESSAGES.has(type) && !moderates ? 'moderators only' : null;
      },
      isRefusal: (err): err is DomainError<BriefingErrorCode> => err instanceof DomainError,
      refuse: (client, type, code, detail) => this.refuse(client, type, code, detail),
      log: deps.log,
      // A hand or a slide is a click; a stage negotiation is a burst of candidates. Questions have
      // their own rules (askTooSoon, tooManyQuestions) on top.
      budget: messageBudget(
        {
          raiseHand: { points: 10, perSeconds: 10 },
          signal: { points: 200, perSeconds: 10 },
          // A fast captioner sends a line every second or two; a burst of corrections is still fine.
          caption: { points: 20, perSeconds: 10 },
        },
        { points: 30, perSeconds: 10 },
      ),
    };
    /** Past this, Colyseus closes the connection: a flood is not a person. */
    override maxMessagesPerSecond = deps.maxMessagesPerSecond;

    /** A message of the briefing's protocol: its schema, then who may send it, then the work. */
    private on = <K extends ClientType<BriefingProtocol>>(
      type: K,
      run: (c: Client, m: ClientMessageOf<BriefingProtocol, K>) => Promise<unknown>,
    ): void => listenerFor(BriefingProtocol, this, this.rules)(type, run);

    private refuse(client: Client, type: string, code: BriefingErrorCode, detail: string): void {
      deps.metrics.refused('briefing', code);
      tell(client, 'error', { code, type, detail });
    }

    private async person(client: Client): Promise<BriefingPerson> {
      const p = this.state.people.get(client.sessionId);
      if (!p) throw new DomainError('invalidMessage', 'not in this briefing');
      return p;
    }

    private async target(sessionId: string): Promise<BriefingPerson> {
      const p = this.state.people.get(sessionId);
      if (!p) throw new DomainError('invalidMessage', 'no such attendee');
      return p;
    }

    private keyOf(client: Client): string {
      return this.keys.get(client.sessionId) ?? `session:${client.sessionId}`;
    }

    private async removePerson(sessionId: string): Promise<void> {
      const key = this.keys.get(sessionId);
      if (!key || !this.state.people.has(sessionId))
        throw new DomainError('invalidMessage', 'no such attendee');
      await this.removeMember(key);
    }

    /**
     * Removes a person (by key: the same across rejoins) from the briefing, every tab of theirs in it, for
     * good: also one who already left (the author of a question), so they cannot come back.
     */
    private async removeMember(key: string): Promise<void> {
      const sessions = [...this.keys].flatMap(([sid, k]) => (k === key ? [sid] : []));
      if (sessions.some((sid) => this.state.people.get(sid)?.role !== 'attendee'))
        throw new DomainError('invalidMessage', 'only attendees can be removed');
      this.removed.add(key);
      for (const sid of sessions) {
        this.clients.getById(sid)?.leave(BriefingProtocol.close.removed, 'removed by a moderator');
        // Away on a dropped connection: they must not come back on it.
        this.held.get(sid)?.reject(new Error('removed by a moderator'));
      }
    }
  };
}
