import { z } from 'zod';

// C0 and C1 controls and DEL hide or reorder text in someone else's view, in a log, or in a
// spreadsheet; bidirectional overrides and isolates make text read differently from what it is.
// Line breaks (and tabs) stay allowed only where a text has lines.
const CONTROL_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

export interface PlainTextRules {
  /** What the text is, for the error messages ("the note", "a question"). */
  label: string;
  max: number;
  /** At least one character after trimming. */
  required?: boolean;
  /** Line breaks and tabs allowed (notes, descriptions); refused in one-line texts. */
  lines?: boolean;
}

/**
 * Text a person types that others read (chat, notes, comments, questions, titles): trimmed, limited,
 * and refused when it carries control or direction-override characters, with a message saying so.
 */
export function plainText({ label, max, required = false, lines = false }: PlainTextRules) {
  const control = lines ? CONTROL_MULTI_LINE : CONTROL_ONE_LINE;
  return z
    .string()
    .trim()
    .min(required ? 1 : 0, `${label} is empty`)
    .max(max, `${label} is at most ${max} characters`)
    .refine((s) => !control.test(s), {
      message: `${label} may not contain control or text-direction characters`,
    });
}
