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

/** One briefing: who is in (seated or overflow), raised hands, questions, and the slide on screen. */
export const BriefingState = schema(
  {
    eventId: t.uint32().default(0),
    seats: t.uint16().default(0),
    people: t.map(BriefingPerson),
    questions: t.array(Question),
    /** The captioners' lines, the latest last; the oldest go past CAPTION_LIMITS.kept. */
    captions: t.array(Caption),
    /** Page on screen (0-based) and how many pages the deck has (0: no slides). */
    slide: t.uint16().default(0),
    slides: t.uint16().default(0),
    /** `sfu`: the stage streams through Janus; `p2p`: from the presenter's browser to `p2pLimit` viewers. */
    media: t.string().default('p2p'),
    p2pLimit: t.uint16().default(0),
  },
  'BriefingState',
);
export type BriefingState = SchemaType<typeof BriefingState>;
