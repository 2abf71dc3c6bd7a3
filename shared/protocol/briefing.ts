import { z } from 'zod';
import { plainText } from '../plainText.ts';
import { Nickname } from '../nickname.ts';
import { VisitorToken } from './join.ts';
import { ServerErrorMessage } from './errors.ts';

export const BRIEFING_ROOM = 'briefing';
const CAPTION_MAX = 200;

export const BriefingJoinOptions = z.strictObject({
  eventId: z.number().int().positive(),
  nickname: Nickname,
  /** A one-use hall pass from POST /api/staff/hall-pass: joins as presenter or moderator. */
  staffPass: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/)
    .optional(),
  /** The auditorium seat the resident already sits on in the hall: kept if free. */
  seat: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .optional(),
  /**
   * Residents: the tab's signed visitor token (from the hall or POST /api/visitor), the same person across
   * rejoins (one vote, a removal that holds, the seat). Required unless joining with a staff pass.
   */
  visitorToken: VisitorToken.optional(),
});
export type BriefingJoinOptions = z.infer<typeof BriefingJoinOptions>;

/** Messages only moderators (hosts, admins) and presenters may send. */
export const MODERATOR_MESSAGES: ReadonlySet<string> = new Set([
  'pin',
  'hide',
  'markAnswered',
  'lowerHand',
  'invite',
  'remove',
  'removeAuthor',
  'slide',
]);

export const RaiseHandMessage = z.strictObject({ up: z.boolean() });
export const AskMessage = z.strictObject({
  text: plainText({ label: 'a question', max: 300, required: true }),
});
export const QuestionRef = z.strictObject({ questionId: z.number().int().positive() });
export const PinMessage = z.strictObject({ questionId: z.number().int().positive(), pinned: z.boolean() });
export const PersonRef = z.strictObject({ sessionId: z.string().min(1).max(64) });
export const SlideMessage = z.strictObject({ index: z.number().int().min(0).max(999) });
export const RequestFeedMessage = z.strictObject({});
export const OnAirMessage = z.strictObject({
  feed: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});
/** Sent privately to a presenter or invited speaker: the Janus publisher id to join with. */
export const FeedMessage = z.strictObject({ id: z.number().int().positive() });

/** One caption line from a captioner (要約筆記): short, as it appears under the stage. */
export const CaptionMessage = z.strictObject({
  text: plainText({ label: 'a caption', max: CAPTION_MAX, required: true }),
});
/** How many lines everyone keeps to scroll back through. */
export const CAPTION_LIMITS = { kept: 300, max: CAPTION_MAX } as const;

/** Limits that keep one attendee from flooding the question list everyone receives. */
export const QUESTION_LIMITS = { openPerPerson: 3, gapS: 10, total: 200 } as const;

/**
 * What an attendee receives of the question board: one page of it in display order (the top one unless
 * they turn pages), the newest few (so a new question can be seen and voted up) and their own; on the top
 * page, questions that slipped up to `slack` places below it are kept rather than sent again and again.
 * Moderators receive every question.
 */
export const QUESTION_VIEW = { page: 20, newest: 5, slack: 5 } as const;
/** An attendee turns the page of questions they receive (0: the top ones). */
export const QuestionPageMessage = z.strictObject({
  page: z
    .number()
    .int()
    .min(0)
    .max(Math.ceil(QUESTION_LIMITS.total / QUESTION_VIEW.page) - 1),
});

/** Why a briefing refused a message; also i18n keys where the client has words for them. */
export const BriefingErrorCode = z.enum([
  'invalidMessage',
  'unknownMessage',
  'forbidden',
  'rateLimited',
  'noSuchQuestion',
  'tooManyQuestions',
  'askTooSoon',
  'questionsFull',
  'alreadyVoted',
  'noSfu',
  'notYourFeed',
]);
export type BriefingErrorCode = z.infer<typeof BriefingErrorCode>;

/** The answer to a briefing message the server refused (as in the hall, with the briefing's codes). */
export const BriefingRefusal = ServerErrorMessage.extend({ code: BriefingErrorCode });
export type BriefingRefusal = z.infer<typeof BriefingRefusal>;
