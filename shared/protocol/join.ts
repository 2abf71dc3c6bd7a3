import { z } from 'zod';
import { AVATAR_COLORS, LANGUAGES } from '../constants.ts';
import { Nickname } from '../nickname.ts';

/** Shape of a server-signed visitor token (`id.issued.signature`); only the server can tell a real one. */
export const VISITOR_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}\.[0-9a-z]{1,10}\.[A-Za-z0-9_-]{43}$/;
export const VisitorToken = z
  .string()
  .regex(VISITOR_TOKEN_PATTERN, 'not a visitor token (enter the hall or POST /api/visitor for one)');
/**
 * Where an old or broken token must not stop someone (entering the hall): any short string, checked by
 * the server, which issues a new identity when it is not one of its own.
 */
export const MaybeVisitorToken = z.string().max(200).optional();

/** What a resident sends to enter the hall. No personal data: a chosen nickname, a colour, a language. */
export const HallJoinOptions = z.object({
  nickname: Nickname,
  color: z.enum(AVATAR_COLORS),
  lang: z.enum(LANGUAGES),
  /** The signed token the server gave this browser tab earlier: finds the resident's ticket again. */
  visitorToken: MaybeVisitorToken,
  /** One-use pass from `POST /api/staff/hall-pass`: enters as that staff member (name and role from the server). */
  staffPass: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'not a hall pass')
    .optional(),
});
export type HallJoinOptions = z.infer<typeof HallJoinOptions>;
export type HallJoinOptionsInput = z.input<typeof HallJoinOptions>;
