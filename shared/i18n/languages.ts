import { z } from 'zod';
import languageList from './languages.json';

/**
 * The languages the city hall speaks, as data: a ninth language is one more entry in languages.json,
 * a dictionary in client/src/i18n/dictionaries and columns in the catalogue sheets. Japanese is first
 * and is what every missing text falls back to.
 */
const LanguageEntry = z.object({
  code: z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,8})*$/),
  /** Written in the language itself, so anyone can find theirs in the list. */
  name: z.string().min(1),
  /** For the lang attribute (screen readers' voice, fonts); easy Japanese is read as Japanese. */
  htmlLang: z.string().min(2),
  /** For dates and numbers (Intl). */
  locale: z.string().min(2),
  /** Lower-case browser language tags (or their prefixes) that choose this language. */
  browser: z.array(z.string()),
});
export type LanguageEntry = z.infer<typeof LanguageEntry>;

export const LANGUAGE_LIST: readonly LanguageEntry[] = z
  .array(LanguageEntry)
  .min(1)
  .refine((l) => l[0]?.code === 'ja', 'Japanese comes first')
  .parse(languageList);

export type Language = string;
export const LANGUAGES = LANGUAGE_LIST.map((l) => l.code) as [Language, ...Language[]];
export const SOURCE_LANGUAGE = 'ja';

export const isLanguage = (code: unknown): code is Language =>
  typeof code === 'string' && (LANGUAGES as readonly string[]).includes(code);

/** A language code the server accepts from a client: one of the list, nothing else. */
export const LanguageCode = z.string().refine(isLanguage, 'not a language the city hall speaks');

export const languageEntry = (code: Language): LanguageEntry =>
  LANGUAGE_LIST.find((l) => l.code === code) ?? LANGUAGE_LIST[0]!;

export const htmlLangOf = (code: Language): string => languageEntry(code).htmlLang;
export const localeOf = (code: Language): string => languageEntry(code).locale;

/** The signs in the hall show the resident's language and, under it, Japanese (or English for Japanese). */
export const secondSignLanguage = (code: Language): Language => (code.startsWith('ja') ? 'en' : 'ja');

/** The browser's preferred languages pick the default; the most specific tag wins; Japanese otherwise. */
export function languageForBrowser(tags: readonly string[]): Language {
  for (const tag of tags) {
    const t = tag.toLowerCase();
    let best: { code: Language; length: number } | null = null;
    for (const l of LANGUAGE_LIST) {
      for (const prefix of l.browser) {
        if ((t === prefix || t.startsWith(`${prefix}-`)) && prefix.length > (best?.length ?? 0)) {
          best = { code: l.code, length: prefix.length };
        }
      }
    }
    if (best) return best.code;
  }
  return SOURCE_LANGUAGE;
}
