import { schema, t, type SchemaType } from '@colyseus/schema';

export const Participant = schema(
  {
    role: t.string().default('resident'),
    nickname: t.string().default(''),
    connected: t.boolean().default(true),
    /** What they send right now (set by their own client, only about themselves). */
    audio: t.boolean().default(false),
    video: t.boolean().default(false),
    screen: t.boolean().default(false),
  },
  'Participant',
);
export type Participant = SchemaType<typeof Participant>;

export const ChatLine = schema(
  {
    role: t.string().default('resident'),
    nickname: t.string().default(''),
    text: t.string().default(''),
    at: t.float64().default(0),
    /** A procedure shared by staff: its online application link ('' for plain messages). */
    url: t.string().default(''),
    /** The procedure shared, so each side reads its name in its own language ('' for plain messages). */
    procedureId: t.string().default(''),
  },
  'ChatLine',
);
export type ChatLine = SchemaType<typeof ChatLine>;

/** A private consultation: its two people and their chat. Seen only by those two. */
export const ConsultationState = schema(
  {
    ticketNumber: t.uint32().default(0),
    counterId: t.string().default(''),
    participants: t.map(Participant),
    lines: t.array(ChatLine),
    /** '' while running, else why it ended (done, transferred, noShow, left). */
    ended: t.string().default(''),
  },
  'ConsultationState',
);
export type ConsultationState = SchemaType<typeof ConsultationState>;
