import { z } from 'zod';
import { isLanguage, type Language } from './languages.ts';

/**
 * Text in several languages. Japanese is always there; another language may be missing (a catalogue
 * sheet without that column yet), and then the Japanese is shown with a marker, never an empty string.
 */
export type LocalizedText = { ja: string } & Partial<Record<Language, string>>;

const checkLanguages = (t: Record<string, unknown>, ctx: z.RefinementCtx) => {
  for (const k of Object.keys(t)) {
    if (!isLanguage(k)) ctx.addIssue({ code: 'custom', message: `unknown language ${k}`, path: [k] });
  }
};

export const LocalizedText: z.ZodType<LocalizedText> = z
  .object({ ja: z.string().min(1) })
  .catchall(z.string().min(1))
  .superRefine(checkLanguages);

/** Text that may be left empty in every language (notes). */
export type OptionalText = { ja: string } & Partial<Record<Language, string>>;
export const OptionalText: z.ZodType<OptionalText> = z
  .object({ ja: z.string() })
  .catchall(z.string())
  .superRefine(checkLanguages);

/** Shown before Japanese text that stands in for a missing translation, so nobody mistakes it for one. */
export const FALLBACK_MARKER = '[日本語] ';

export function localized(lang: Language, text: LocalizedText): string {
  const own = text[lang];
  if (own) return own;
  return lang === 'ja' ? text.ja : `${FALLBACK_MARKER}${text.ja}`;
}

/** For optional notes: empty stays empty, a Japanese-only note is marked. */
export function localizedOptional(lang: Language, text: OptionalText): string {
  const own = text[lang];
  if (own) return own;
  if (!text.ja) return '';
  return lang === 'ja' ? text.ja : `${FALLBACK_MARKER}${text.ja}`;
}

/** Lists (documents) per language, with the same fallback. */
export type LocalizedList = { ja: string[] } & Partial<Record<Language, string[]>>;
export const LocalizedList: z.ZodType<LocalizedList> = z
  .object({ ja: z.array(z.string().min(1)) })
  .catchall(z.array(z.string().min(1)))
  .superRefine(checkLanguages);

export function localizedList(lang: Language, list: LocalizedList): string[] {
  const own = list[lang];
  if (own && own.length > 0) return own;
  return lang === 'ja' ? list.ja : list.ja.map((item) => `${FALLBACK_MARKER}${item}`);
}

/** Every Japanese and easy-Japanese text inside a value (catalogue, layout): what furigana is made for. */
export function japaneseTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(japaneseTexts);
  if (!value || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  if ('ja' in o && (typeof o.ja === 'string' || Array.isArray(o.ja))) {
    return [o.ja, o['ja-easy']].flat().filter((t): t is string => typeof t === 'string' && t !== '');
  }
  return Object.values(o).flatMap(japaneseTexts);
}

/** Puts `{name}` values into a template; a placeholder without a value stays visible, to be noticed. */
export function fillPlaceholders(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
