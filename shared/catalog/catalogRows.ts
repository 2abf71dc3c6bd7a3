import { z } from 'zod';
import { Channel, Slug } from './catalogSchema.ts';

/** One row of each catalogue sheet, as a clerk types it (every cell text); readCatalog builds the rest. */
const text = z.string().trim().min(1, 'required');
const optional = z.string().trim();
/** A cell holding a list, items separated by semicolons. */
export const list = (s: string) =>
  s
    .split(/\s*;\s*/)
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
const yesNo = z.enum(['yes', 'no'], { message: 'must be yes or no' });

export const DepartmentRow = z.object({
  id: Slug,
  name_ja: text,
  name_en: text,
  counter_id: z.union([z.literal(''), Slug]),
  description_ja: text,
  description_en: text,
});
export const ProcedureRow = z.object({
  id: Slug,
  department_id: Slug,
  name_ja: text,
  name_en: text,
  summary_ja: text,
  summary_en: text,
  audience_ja: text,
  audience_en: text,
  documents_ja: optional,
  documents_en: optional,
  fee_yen: z.string().regex(/^\d+$/, 'must be a whole number of yen (0 when free)'),
  fee_note_ja: optional,
  fee_note_en: optional,
  channel: Channel,
  processing_ja: text,
  processing_en: text,
  online_path: z.union([z.literal(''), z.string().regex(/^\/[\w\-/.]*$/, 'must be a path starting with /')]),
  needs_consultation: yesNo,
  keywords: optional,
});
export const LifeEventRow = z.object({
  id: Slug,
  name_ja: text,
  name_en: text,
  description_ja: text,
  description_en: text,
});
export const QuestionRow = z.object({
  life_event_id: Slug,
  question_id: Slug,
  order: z.enum(['1', '2', '3'], { message: 'must be 1, 2 or 3' }),
  text_ja: text,
  text_en: text,
});
export const RuleRow = z.object({
  life_event_id: Slug,
  procedure_id: Slug,
  condition: z
    .string()
    .trim()
    .regex(/^$|^[a-z0-9-]+=(yes|no)(&[a-z0-9-]+=(yes|no))*$/, 'use question=yes or no, joined with &'),
  note_ja: optional,
  note_en: optional,
});
