import { z } from 'zod';
import { AVATAR_COLORS, LANGUAGES } from '../constants.ts';
import { Nickname } from '../nickname.ts';

export const ResumeToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a resume token');

/** What a resident sends to enter the hall. No personal data: a chosen nickname, a colour, a language. */
export const HallJoinOptions = z.object({
  nickname: Nickname,
  color: z.enum(AVATAR_COLORS),
  lang: z.enum(LANGUAGES),
  /** Random secret the server gave this browser tab earlier: finds the resident's ticket again. */
  resumeToken: ResumeToken.optional(),
  /** One-use pass from `POST /api/staff/hall-pass`: enters as that staff member (name and role from the server). */
  staffPass: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'not a hall pass')
    .optional(),
});
export type HallJoinOptions = z.infer<typeof HallJoinOptions>;
export type HallJoinOptionsInput = z.input<typeof HallJoinOptions>;
