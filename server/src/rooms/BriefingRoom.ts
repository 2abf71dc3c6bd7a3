import { Room, ServerError, type Client } from '@colyseus/core';
import type { z } from 'zod';
import {
  AskMessage,
  BriefingClientMessage,
  BriefingJoinOptions,
  MODERATOR_MESSAGES,
  PersonRef,
  PinMessage,
  QuestionRef,
  RaiseHandMessage,
  SignalMessage,
  SlideMessage,
  type IceServer,
} from '../../../shared/protocol/index.ts';
import { BriefingPerson, BriefingState, Question } from '../../../shared/state/briefingState.ts';
import { can, type StaffProfile } from '../../../shared/auth/roles.ts';
import type { Seat } from '../../../shared/layout/layoutSchema.ts';
import type { AuthService } from '../auth/authService.ts';
import type { EventService } from '../services/eventService.ts';
import type { EventView } from '../../../shared/protocol/index.ts';
import { formatIssues } from './formatIssues.ts';
import { newFeedId } from '../media/stageRooms.ts';

interface BriefingAuth {
  nickname: string;
  role: 'attendee' | 'presenter' | 'moderator';
  seat?: string;
}

/** Close code sent to an attendee a moderator removed. */
export const REMOVED_CODE = 4403;

/**
 * One briefing. Attendees fill the auditorium's seats first; when they are taken, newcomers land in
 * the overflow hall of the same room (same stage, same Q&A) until the event's capacity. Roles come
 * from a staff hall pass (presenter if named on the event, moderator if host or admin), never from the
 * client. One vote per person and question; the display order is `orderQuestions` (shared).
 */
export function createBriefingRoom(deps: {
  auth: AuthService;
  events: EventService;
  seats: Seat[];
  /** The event's Janus room, PIN and ICE servers, when an SFU is configured. */
  stage(eventId: number): object | null;
  /** Pages in the event's slide deck when the room opens. */
  deckSize(eventId: number): Promise<number>;
  /** Without an SFU: how many receive the presenter's video directly from the presenter's browser. */
  p2pViewers: number;
  iceServers: IceServer[];
  /** With an SFU: the only publisher ids Janus should keep in the event's room. */
  allowFeeds(eventId: number, feeds: number[]): void;
}) {
  return class BriefingRoom extends Room<{ state: BriefingState }> {
    override state = new BriefingState();
    private event!: EventView;
    private nextQuestion = 1;
    private voters = new Map<number, Set<string>>();

    override async onCreate(options: { eventId?: unknown }): Promise<void> {
      const id = Number(options?.eventId);
      const event = Number.isInteger(id) && id > 0 ? await deps.events.get(id).catch(() => null) : null;
      if (!event || event.status !== 'live')
        throw new ServerError(404, 'eventNotLive: no live event with that id');
      this.event = event;
      this.maxClients = event.capacity + 20; // room for presenters and moderators beyond the audience
      this.state.eventId = event.id;
      this.state.seats = Math.min(deps.seats.length, event.capacity);
      this.state.slides = await deps.deckSize(event.id);
      this.state.media = deps.stage(event.id) ? 'sfu' : 'p2p';
      this.state.p2pLimit = deps.p2pViewers;
      await this.setMetadata({ eventId: event.id });
      const d = BriefingClientMessage;
      this.on(d.raiseHand, RaiseHandMessage, (c, m) => this.person(c).then((p) => (p.hand = m.up)));
      this.on(d.ask, AskMessage, (c, m) => this.ask(c, m.text));
      this.on(d.vote, QuestionRef, (c, m) => this.vote(c, m.questionId));
      this.on(d.pin, PinMessage, (_c, m) => this.question(m.questionId).then((q) => (q.pinned = m.pinned)));
      this.on(d.markAnswered, QuestionRef, (_c, m) =>
        this.question(m.questionId).then((q) => (q.answered = true)),
      );
      this.on(d.hide, QuestionRef, (_c, m) => this.hide(m.questionId));
      this.on(d.lowerHand, PersonRef, (_c, m) => this.target(m.sessionId).then((p) => (p.hand = false)));
      this.on(d.invite, PersonRef, (_c, m) =>
        this.target(m.sessionId).then((p) => {
          p.speaking = true;
          p.hand = false;
          this.handOutFeeds();
        }),
      );
      this.on(d.remove, PersonRef, (_c, m) => this.removePerson(m.sessionId));
      this.on(d.stopSpeaking, PersonRef, (c, m) => this.stopSpeaking(c, m.sessionId));
      this.on(d.slide, SlideMessage, (_c, m) => this.turnTo(m.index));
      this.on(d.signal, SignalMessage, (c, m) => this.relay(c, m));
      this.onMessage('*', (client, type) =>
        this.refuse(client, String(type), 'unknownMessage', 'no such message type'),
      );
    }

    override async onAuth(_client: Client, options: unknown): Promise<BriefingAuth> {
      const parsed = BriefingJoinOptions.safeParse(options);
      if (!parsed.success) throw new ServerError(400, `invalidOptions: ${formatIssues(parsed.error)}`);
      if (parsed.data.eventId !== this.event.id) throw new ServerError(400, 'invalidOptions: wrong event');
      if (!parsed.data.staffPass)
        return { nickname: parsed.data.nickname, role: 'attendee', seat: parsed.data.seat };
      const staff: StaffProfile | null = await deps.auth.redeemHallPass(parsed.data.staffPass);
      if (!staff) throw new ServerError(403, 'staffPassInvalid: the hall pass is unknown, used or expired');
      const role = this.event.presenters.includes(staff.username)
        ? 'presenter'
        : can(staff.role, 'hostEvents')
          ? 'moderator'
          : 'attendee';
      return { nickname: staff.displayName, role };
    }

    override onJoin(client: Client, _options: unknown, auth: BriefingAuth): void {
      const audience = [...this.state.people.values()].filter((p) => p.role === 'attendee').length;
      if (auth.role === 'attendee' && audience >= this.event.capacity) {
        throw new ServerError(409, 'eventFull: the briefing is full');
      }
      const p = new BriefingPerson();
      p.nickname = auth.nickname;
      p.role = auth.role;
      if (auth.role === 'attendee') {
        const taken = new Set([...this.state.people.values()].map((x) => x.seat).filter(Boolean));
        // `state.seats` limits how many sit (capacity, distancing), not which seats: any free one will do.
        const usable = taken.size < this.state.seats ? deps.seats.filter((s) => !taken.has(s.id)) : [];
        // The seat the resident walked to and sat on, if it is free; otherwise the first free one.
        const free = usable.find((s) => s.id === auth.seat) ?? usable[0];
        if (free) p.seat = free.id;
        else p.overflow = true;
      }
      this.state.people.set(client.sessionId, p);
      this.handOutFeeds();
      // Only people inside the briefing learn the stage's PIN.
      const stage = deps.stage(this.event.id);
      if (stage) client.send('stage', { mode: 'sfu', ...stage });
      else {
        this.assignViewers();
        client.send('stage', { mode: 'p2p', iceServers: deps.iceServers, limit: deps.p2pViewers });
      }
    }

    override onLeave(client: Client): void {
      this.state.people.delete(client.sessionId);
      if (this.state.media === 'p2p') this.assignViewers();
      this.handOutFeeds();
    }

    /** A new slide deck was uploaded while the event is live. */
    setDeck(pages: number): void {
      this.state.slides = pages;
      if (this.state.slide >= pages) this.state.slide = 0;
    }

    /**
     * With an SFU, presenters and invited speakers get an unguessable Janus publisher id each; Janus keeps
     * only those (others are kicked) and attendees subscribe only to those.
     */
    private handOutFeeds(): void {
      if (this.state.media !== 'sfu') return;
      for (const p of this.state.people.values()) {
        const may = p.role === 'presenter' || p.speaking;
        if (may && !p.feed) p.feed = newFeedId();
        else if (!may) p.feed = 0;
      }
      const feeds = [...this.state.people.values()].map((p) => p.feed).filter((f) => f > 0);
      deps.allowFeeds(this.event.id, feeds);
    }

    /**
     * Peer-to-peer video costs the presenter's upload per viewer, so only the first `p2pViewers` (in order
     * of arrival; moderators first) receive it; when one leaves, the next in line takes the place.
     */
    private assignViewers(): void {
      const people = [...this.state.people.values()].filter((p) => p.role !== 'presenter');
      const inLine = [
        ...people.filter((p) => p.role === 'moderator'),
        ...people.filter((p) => p.role !== 'moderator'),
      ];
      inLine.forEach((p, i) => (p.viewer = i < deps.p2pViewers));
    }

    private async turnTo(index: number): Promise<void> {
      if (index >= Math.max(1, this.state.slides)) throw new Error(`the deck has ${this.state.slides} pages`);
      this.state.slide = index;
    }

    private async stopSpeaking(client: Client, sessionId: string): Promise<void> {
      const role = this.state.people.get(client.sessionId)?.role;
      if (sessionId !== client.sessionId && role !== 'presenter' && role !== 'moderator')
        throw new Error('only moderators can stop someone else speaking');
      (await this.target(sessionId)).speaking = false;
      this.handOutFeeds();
    }

    /** Signalling for the peer-to-peer stage, only between the presenter and a viewer or invited speaker. */
    private async relay(client: Client, m: SignalMessage): Promise<void> {
      if (this.state.media !== 'p2p') throw new Error('the stage streams through the SFU');
      const from = this.state.people.get(client.sessionId);
      const to = this.state.people.get(m.to);
      const target = this.clients.getById(m.to);
      if (!from || !to || !target) throw new Error('no such person in this briefing');
      const linked = (a: BriefingPerson, b: BriefingPerson) =>
        a.role === 'presenter' && b.role !== 'presenter' && (b.viewer || b.speaking);
      if (!linked(from, to) && !linked(to, from))
        throw new Error('video goes only between the presenter and a viewer or invited speaker');
      const { to: _to, ...signal } = m;
      target.send('signal', { from: client.sessionId, ...signal });
    }

    private on<S extends z.ZodType>(
      type: string,
      schema: S,
      run: (c: Client, m: z.infer<S>) => Promise<unknown>,
    ): void {
      this.onMessage(type, (client, raw: unknown) => {
        const parsed = schema.safeParse(raw);
        if (!parsed.success) return this.refuse(client, type, 'invalidMessage', formatIssues(parsed.error));
        const role = this.state.people.get(client.sessionId)?.role;
        // Presenters are hosts (checked when the event is created), so they moderate too.
        if (MODERATOR_MESSAGES.has(type) && role !== 'presenter' && role !== 'moderator') {
          return this.refuse(client, type, 'forbidden', 'moderators only');
        }
        run(client, parsed.data).catch((err: unknown) =>
          this.refuse(client, type, 'invalidMessage', err instanceof Error ? err.message : String(err)),
        );
      });
    }

    private refuse(client: Client, type: string, code: string, detail: string): void {
      client.send('error', { code, type, detail });
    }

    private async person(client: Client): Promise<BriefingPerson> {
      const p = this.state.people.get(client.sessionId);
      if (!p) throw new Error('not in this briefing');
      return p;
    }

    private async target(sessionId: string): Promise<BriefingPerson> {
      const p = this.state.people.get(sessionId);
      if (!p) throw new Error('no such attendee');
      return p;
    }

    private async question(id: number): Promise<Question> {
      const q = this.state.questions.find((x) => x.id === id);
      if (!q) throw new Error(`no question ${id}`);
      return q;
    }

    private async ask(client: Client, text: string): Promise<void> {
      const q = new Question();
      q.id = this.nextQuestion++;
      q.text = text;
      q.author = (await this.person(client)).nickname;
      q.at = Date.now();
      this.state.questions.push(q);
      this.voters.set(q.id, new Set());
    }

    private async vote(client: Client, id: number): Promise<void> {
      const q = await this.question(id);
      const voters = this.voters.get(id)!;
      if (voters.has(client.sessionId)) throw new Error('you already voted for this question');
      voters.add(client.sessionId);
      q.votes += 1;
    }

    /** Hidden questions leave everyone's screen at once (their text is not kept in the shared state). */
    private async hide(id: number): Promise<void> {
      const i = this.state.questions.findIndex((q) => q.id === id);
      if (i < 0) throw new Error(`no question ${id}`);
      this.state.questions.splice(i, 1);
    }

    private async removePerson(sessionId: string): Promise<void> {
      const target = this.clients.getById(sessionId);
      const p = this.state.people.get(sessionId);
      if (!target || !p) throw new Error('no such attendee');
      if (p.role !== 'attendee') throw new Error('only attendees can be removed');
      target.leave(REMOVED_CODE, 'removed by a moderator');
    }
  };
}
