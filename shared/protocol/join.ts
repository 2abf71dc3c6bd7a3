import { z } from 'zod';
import { AVATAR_COLORS, LANGUAGES } from '../constants.ts';
import { Nickname } from '../nickname.ts';

/** What a resident sends to enter the hall. No personal data: a chosen nickname, a colour, a language. */
export const HallJoinOptions = z.object({
  nickname: Nickname,
  color: z.enum(AVATAR_COLORS),
  lang: z.enum(LANGUAGES),
});
export type HallJoinOptions = z.infer<typeof HallJoinOptions>;
export type HallJoinOptionsInput = z.input<typeof HallJoinOptions>;
