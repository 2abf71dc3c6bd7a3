import { z } from 'zod';
import { Channel, Slug } from './catalogSchema.ts';

/**
 * The columns of each catalogue sheet, as a clerk types them (every cell text); readCatalog builds the
 * rest. A localized column is one column per language, `name_ja`, `name_en`, `name_ko`…: the Japanese
 * one is required, the others may be missing or empty and then fall back to Japanese, marked.
 */
const optional = z.string().trim();
/** A cell holding a list, items separated by semicolons. */
export const list = (s: string) =>
  s
    .split(/\s*;\s*/)
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
const yesNo = z.enum(['yes', 'no'], { message: 'must be yes or no' });

export type Column =
  /** `optional`: the column may be left out of the sheet (added after cities had their sheets). */
  | { name: string; localized?: false; schema: z.ZodType<string>; optional?: boolean }
  /**
   * `required`: the Japanese cell must not be empty. `list`: items separated by semicolons, as many in
   * every language as in Japanese; `variants`: a list whose languages may hold different numbers.
   */
  | { name: string; localized: true; required: boolean; list?: boolean; variants?: boolean };

const plain = (name: string, schema: z.ZodType<string>): Column => ({ name, schema });
const texts = (name: string, required = true, isList = false): Column => ({
  name,
  localized: true,
  required,
  list: isList,
});

export const DEPARTMENT_COLUMNS: Column[] = [
  plain('id', Slug),
  texts('name'),
  plain('counter_id', z.union([z.literal(''), Slug])),
  texts('description'),
];
export const PROCEDURE_COLUMNS: Column[] = [
  plain('id', Slug),
  plain('department_id', Slug),
  texts('name'),
  texts('summary'),
  texts('audience'),
  texts('documents', false, true),
  plain('fee_yen', z.string().regex(/^\d+$/, 'must be a whole number of yen (0 when free)')),
  texts('fee_note', false),
  plain('channel', Channel),
  texts('processing'),
  plain(
    'online_path',
    z.union([z.literal(''), z.string().regex(/^\/[\w\-/.]*$/, 'must be a path starting with /')]),
  ),
  plain('needs_consultation', yesNo),
  plain('keywords', optional),
  {
    name: 'disaster',
    schema: z.enum(['', 'yes', 'no'], { message: 'must be yes, no or empty' }).default(''),
    optional: true,
  },
];
const ids = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^$|^[a-z0-9][a-z0-9-]*(\s+[a-z0-9][a-z0-9-]*)*$/, message);
export const FAQ_COLUMNS: Column[] = [
  plain('id', Slug),
  { name: 'questions', localized: true, required: true, list: true, variants: true },
  texts('answer'),
  plain('procedures', ids('procedure ids separated by spaces')),
  plain('life_events', ids('life event ids separated by spaces')),
  plain('counters', ids('counter ids separated by spaces')),
  plain('keywords', optional),
];
export const SHELTER_COLUMNS: Column[] = [
  plain('id', Slug),
  texts('name'),
  texts('address'),
  plain(
    'map_url',
    z.union([z.literal(''), z.url({ protocol: /^https$/, message: 'must be an https:// link' })]),
  ),
];
export const HOTLINE_COLUMNS: Column[] = [
  plain('id', Slug),
  texts('name'),
  plain(
    'phone',
    z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9-]{1,18}$/, 'must be a phone number: digits and dashes'),
  ),
  texts('hours', false),
];
export const LIFE_EVENT_COLUMNS: Column[] = [plain('id', Slug), texts('name'), texts('description')];
export const QUESTION_COLUMNS: Column[] = [
  plain('life_event_id', Slug),
  plain('question_id', Slug),
  plain('order', z.enum(['1', '2', '3'], { message: 'must be 1, 2 or 3' })),
  texts('text'),
];
export const RULE_COLUMNS: Column[] = [
  plain('life_event_id', Slug),
  plain('procedure_id', Slug),
  plain(
    'condition',
    z
      .string()
      .trim()
      .regex(/^$|^[a-z0-9-]+=(yes|no)(&[a-z0-9-]+=(yes|no))*$/, 'use question=yes or no, joined with &'),
  ),
  texts('note', false),
];

/** The header of a sheet for the given languages: plain columns, and each localized one per language. */
export function headerFor(columns: readonly Column[], languages: readonly string[]): string[] {
  return columns.flatMap((c) => (c.localized ? languages.map((l) => `${c.name}_${l}`) : [c.name]));
}

/** One parsed row: plain cells by column name, localized cells by column then language (trimmed). */
export interface SheetRow {
  plain: Record<string, string>;
  texts: Record<string, Record<string, string>>;
}

/** A localized cell as LocalizedText: the languages that have words, Japanese always. */
export function textsOf(row: SheetRow, column: string): { ja: string } & Record<string, string> {
  const cells = row.texts[column] ?? {};
  const out: { ja: string } & Record<string, string> = { ja: cells.ja ?? '' };
  for (const [lang, value] of Object.entries(cells)) if (value) out[lang] = value;
  return out;
}

/** A localized list cell: items per language; a language with an empty cell is left out. */
export function listsOf(row: SheetRow, column: string): { ja: string[] } & Record<string, string[]> {
  const cells = row.texts[column] ?? {};
  const out: { ja: string[] } & Record<string, string[]> = { ja: list(cells.ja ?? '') };
  for (const [lang, value] of Object.entries(cells)) if (lang !== 'ja' && value) out[lang] = list(value);
  return out;
}
