import { z } from 'zod';
import { NICKNAME_MAX } from './constants.ts';

/** Counts user-perceived characters so 「田中」 and emoji count like a reader would count them. */
export function graphemeLength(text: string): number {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

// Control, format (bidi overrides, zero-width space) and separator characters let one nickname impersonate
// or visually corrupt another, so they are refused rather than silently stripped. The zero-width joiners
// stay allowed: emoji sequences (👩‍👩‍👧) and some scripts need them.
const FORBIDDEN_CHARS = /[\p{Cc}\p{Zl}\p{Zp}]|(?![\u200C\u200D])\p{Cf}/u;
// Letters and marks that draw nothing: Hangul fillers, the braille blank, the combining grapheme
// joiner, Mongolian and Khmer invisibles. A name made of them is an empty name that passes as one.
const INVISIBLE = /[\u115F\u1160\u3164\uFFA0\u2800\u034F\u17B4\u17B5\u180B-\u180F]/u;
/**
 * Graphemes are what a reader counts, but one grapheme can hold any number of combining marks
 * ("a" and 50,000 accents is one): code points are capped too, generously for emoji sequences.
 */
export const NICKNAME_MAX_CODE_POINTS = NICKNAME_MAX * 8;

/** Error codes double as i18n keys under `nickname.` on the client. */
export type NicknameProblem = 'empty' | 'tooLong' | 'controlChars' | 'invisible';

export const Nickname = z
  .string()
  // Before normalising: reordering thousands of combining marks is work an attacker should not get.
  .max(NICKNAME_MAX_CODE_POINTS * 2, 'tooLong')
  .transform((s) => s.normalize('NFC').trim())
  .superRefine((s, ctx) => {
    if (s.length === 0) ctx.addIssue({ code: 'custom', message: 'empty' });
    else if (FORBIDDEN_CHARS.test(s)) ctx.addIssue({ code: 'custom', message: 'controlChars' });
    else if (INVISIBLE.test(s)) ctx.addIssue({ code: 'custom', message: 'invisible' });
    else if ([...s].length > NICKNAME_MAX_CODE_POINTS) ctx.addIssue({ code: 'custom', message: 'tooLong' });
    else if (graphemeLength(s) > NICKNAME_MAX) ctx.addIssue({ code: 'custom', message: 'tooLong' });
  })
  // Runs of spaces (including the ideographic space) collapse to one so names stay readable in lists.
  .transform((s) => s.replace(/[ \u3000]{2,}/gu, ' '));
export type Nickname = z.infer<typeof Nickname>;

/** Returns the cleaned nickname or the first problem, for inline form messages. */
export function checkNickname(
  raw: string,
): { ok: true; value: string } | { ok: false; problem: NicknameProblem } {
  const result = Nickname.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problem: (result.error.issues[0]?.message ?? 'empty') as NicknameProblem };
}
