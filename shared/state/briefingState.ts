import { schema, t, type SchemaType } from '@colyseus/schema';

export const BriefingPerson = schema(
  {
    nickname: t.string().default(''),
    /**
     * attendee · presenter · interpreter (sign language) · captioner · moderator (decided by the server
     * from the hall pass, never by the client).
     */
    role: t.string().default('attendee'),
    /** Seat id in the auditorium, '' when in the overflow hall. */
    seat: t.string().default(''),
    overflow: t.boolean().default(false),
    hand: t.boolean().default(false),
    /** Invited by a moderator to speak. */
    speaking: t.boolean().default(false),
    /** Without an SFU: one of the few who receive the presenter's video peer-to-peer. */
    viewer: t.boolean().default(false),
    /**
     * With an SFU: the Janus publisher id of this person's stage feed once it is on air (presenter, invited
     * speaker), else 0. The id is handed out privately and shown here only after Janus has it, so nobody
     * can take it first.
     */
    feed: t.float64().default(0),
  },
  'BriefingPerson',
);
export type BriefingPerson = SchemaType<typeof BriefingPerson>;

export const Question = schema(
  {
    id: t.uint32().default(0),
    text: t.string().default(''),
    author: t.string().default(''),
    votes: t.uint32().default(0),
    pinned: t.boolean().default(false),
    answered: t.boolean().default(false),
    at: t.float64().default(0),
  },
  'Question',
);
export type Question = SchemaType<typeof Question>;

/** One caption line as the captioner sent it. */
export const Caption = schema(
  {
    id: t.uint32().default(0),
    text: t.string().default(''),
    at: t.float64().default(0),
  },
  'Caption',
);
export type Caption = SchemaType<typeof Caption>;

/**
 * One briefing: who is in (seated or overflow), raised hands, questions, and the slide on screen.
 * `people` and `questions` are tagged `.view()`: each client receives only what the server adds to its
 * StateView (server/src/rooms/briefing/briefingViews.ts) — hosts everything, an attendee themselves, who
 * is on stage and the top questions — so what an attendee downloads does not grow with the audience. The
 * counts below are what everyone learns of the rest.
 */
export const BriefingState = schema(
  {
    eventId: t.uint32().default(0),
    seats: t.uint16().default(0),
    /** Keyed by session id. */
    people: t.map(BriefingPerson).view(),
    /** Keyed by the question's id (as a string); shown in `orderQuestions` order. */
    questions: t.map(Question).view(),
    /** The audience (attendees only), seated, in the overflow hall, hands up and invited speakers. */
    attendees: t.uint16().default(0),
    seated: t.uint16().default(0),
    overflow: t.uint16().default(0),
    hands: t.uint16().default(0),
    speakers: t.uint16().default(0),
    /** Questions on the board, whether or not this client receives them all. */
    questionCount: t.uint16().default(0),
    /** The captioners' lines, the latest last; the oldest go past CAPTION_LIMITS.kept. */
    captions: t.array(Caption),
    /** Page on screen (0-based) and how many pages the deck has (0: no slides). */
    slide: t.uint16().default(0),
    slides: t.uint16().default(0),
    /**
     * Bumped whenever the deck is replaced (a new deck may have as many pages as the old one): clients
     * fetch the page list again when it changes. Only the server sets it (through `setDeck`).
     */
    deckVersion: t.uint32().default(0),
    /** `sfu`: the stage streams through Janus; `p2p`: from the presenter's browser to `p2pLimit` viewers. */
    media: t.string().default('p2p'),
    p2pLimit: t.uint16().default(0),
  },
  'BriefingState',
);
export type BriefingState = SchemaType<typeof BriefingState>;
