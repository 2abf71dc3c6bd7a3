import { z } from 'zod';
import { defineProtocol, namesOf } from './roomProtocol.ts';
import {
  AskMessage,
  CaptionMessage,
  BriefingRefusal,
  FeedMessage,
  OnAirMessage,
  PersonRef,
  PinMessage,
  QuestionPageMessage,
  QuestionRef,
  RaiseHandMessage,
  RequestFeedMessage,
  SlideMessage,
} from './briefing.ts';
import { IceServer, SignalMessage } from './consultation.ts';

/** How attendees get the stage: through Janus (SFU), or straight from the presenter's browser (p2p). */
export const StageMessage = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('sfu'),
    url: z.string(),
    room: z.number(),
    pin: z.string(),
    /** This person's own Janus access token (when Janus requires tokens); void once they leave. */
    token: z.string().optional(),
    iceServers: z.array(IceServer),
  }),
  z.object({ mode: z.literal('p2p'), limit: z.number(), iceServers: z.array(IceServer) }),
]);
export type StageMessage = z.infer<typeof StageMessage>;

/** A relayed peer-to-peer signal, with who sent it (set by the server). */
export const IncomingSignal = SignalMessage.omit({ to: true }).extend({ from: z.string() });

/** One briefing: hands, questions, moderation, slides, the stage and its publisher ids. */
export const BriefingProtocol = defineProtocol({
  client: {
    raiseHand: RaiseHandMessage,
    ask: AskMessage,
    vote: QuestionRef,
    questionPage: QuestionPageMessage,
    // Moderators only
    pin: PinMessage,
    hide: QuestionRef,
    markAnswered: QuestionRef,
    lowerHand: PersonRef,
    invite: PersonRef,
    remove: PersonRef,
    /** Removes whoever asked a question (a spammer who never raised a hand); the server knows who. */
    removeAuthor: QuestionRef,
    // Moderators for anyone, an invited speaker for themselves
    stopSpeaking: PersonRef,
    // Peer-to-peer stage (no SFU): between the presenter and a viewer or an invited speaker
    signal: SignalMessage,
    // Presenters (and moderators)
    slide: SlideMessage,
    // Captioners only: one line of captions
    caption: CaptionMessage,
    // With an SFU, presenters, interpreters and invited speakers: a fresh private publisher id, then "it is on air"
    requestFeed: RequestFeedMessage,
    onAir: OnAirMessage,
  },
  server: {
    error: BriefingRefusal,
    /** Privately, to a presenter or invited speaker: the Janus publisher id to join with. */
    feed: FeedMessage,
    stage: StageMessage,
    signal: IncomingSignal,
  },
  close: {
    /** An attendee a moderator removed: they cannot come back from that tab. */
    removed: 4403,
    /** The host ended the briefing: everyone in it is closed out, and it cannot be joined again. */
    ended: 4410,
  },
  joinRefusals: z.enum(['invalidOptions', 'eventFull', 'eventNotLive', 'removed', 'staffPassInvalid']),
});
export type BriefingProtocol = typeof BriefingProtocol;

export const BriefingClientMessage = namesOf(BriefingProtocol.client);
export const BriefingServerMessage = namesOf(BriefingProtocol.server);
