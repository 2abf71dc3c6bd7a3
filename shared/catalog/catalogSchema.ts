import { z } from 'zod';
import { LocalizedList, LocalizedText, OptionalText } from '../i18n/localized.ts';

/** The procedure catalogue: departments, procedures, life events and the rules that pick procedures. */
export const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes');

export { OptionalText };

export const Channel = z.enum(['online', 'mynaportal', 'visit', 'online_or_visit']);
export type Channel = z.infer<typeof Channel>;

export const Department = z.object({
  id: Slug,
  name: LocalizedText,
  /** The hall counter that serves it; null for departments reached only online or through the info desk. */
  counterId: Slug.nullable(),
  description: LocalizedText,
});
export type Department = z.infer<typeof Department>;

export const Procedure = z.object({
  id: Slug,
  departmentId: Slug,
  name: LocalizedText,
  summary: LocalizedText,
  audience: LocalizedText,
  documents: LocalizedList,
  feeYen: z.number().int().min(0).max(1_000_000),
  feeNote: OptionalText,
  channel: Channel,
  processing: LocalizedText,
  /** Path under the city's online application base URL; null when it cannot be done online. */
  onlinePath: z
    .string()
    .regex(/^\/[\w\-/.]*$/, 'a path starting with /')
    .nullable(),
  needsConsultation: z.boolean(),
  keywords: z.array(z.string().min(1)),
  /** A procedure for disaster victims: first in search and on the disaster panel in disaster mode. */
  disaster: z.boolean().default(false),
});
export type Procedure = z.infer<typeof Procedure>;

export const Question = z.object({ id: Slug, order: z.number().int().min(1).max(3), text: LocalizedText });
export type Question = z.infer<typeof Question>;

export const LifeEvent = z.object({
  id: Slug,
  name: LocalizedText,
  description: LocalizedText,
  questions: z.array(Question).max(3),
});
export type LifeEvent = z.infer<typeof LifeEvent>;

export const Condition = z.object({ questionId: Slug, answer: z.boolean() });
export type Condition = z.infer<typeof Condition>;

export const Rule = z.object({
  lifeEventId: Slug,
  procedureId: Slug,
  /** All must hold; empty means the procedure always applies to the life event. */
  conditions: z.array(Condition),
  note: OptionalText,
});
export type Rule = z.infer<typeof Rule>;

/**
 * One answer of the information desk's guide: the ways residents ask for it (several per language,
 * as they would type them), the answer, and where it leads next.
 */
export const FaqEntry = z.object({
  id: Slug,
  questions: LocalizedList,
  answer: LocalizedText,
  procedureIds: z.array(Slug),
  lifeEventIds: z.array(Slug),
  counterIds: z.array(Slug),
  /** Readings and spellings the questions do not show: かな, romaji, common misspellings. */
  keywords: z.array(z.string().min(1)),
});
export type FaqEntry = z.infer<typeof FaqEntry>;

/** A shelter (避難所) residents may go to; whether it is open is set by staff during an event. */
export const Shelter = z.object({
  id: Slug,
  name: LocalizedText,
  address: LocalizedText,
  mapUrl: z.string().nullable(),
});
export type Shelter = z.infer<typeof Shelter>;

/** A number to call in a disaster. */
export const Hotline = z.object({ id: Slug, name: LocalizedText, phone: z.string(), hours: OptionalText });
export type Hotline = z.infer<typeof Hotline>;

export interface Catalog {
  departments: Department[];
  procedures: Procedure[];
  lifeEvents: LifeEvent[];
  rules: Rule[];
  faq: FaqEntry[];
  shelters: Shelter[];
  hotlines: Hotline[];
}
