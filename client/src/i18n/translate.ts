import { LANGUAGES, languageForBrowser, type Language } from '../../../shared/i18n/languages.ts';
import { FALLBACK_MARKER, fillPlaceholders } from '../../../shared/i18n/localized.ts';
import { en } from './en.ts';
import { ja, type Dictionary, type MessageKey } from './ja.ts';

export { localized, localizedList, localizedOptional } from '../../../shared/i18n/localized.ts';

/**
 * Japanese (the source and the fallback) and English are in the first download; every other language
 * is a JSON dictionary fetched when it is chosen, so nobody downloads seven languages to read one.
 */
const dictionaries = new Map<Language, Partial<Dictionary>>([
  ['ja', ja],
  ['en', en],
]);
// Vite (the client and vitest) turns this into one lazy import per file; scripts run by plain Node (the
// benchmarks, which read Japanese only) have no import.meta.env and no dictionaries to load.
const loaders: Record<string, () => Promise<Partial<Dictionary>>> = import.meta.env
  ? import.meta.glob<Partial<Dictionary>>('./dictionaries/*.json', { import: 'default' })
  : {};

export function dictionaryLoaded(lang: Language): boolean {
  return dictionaries.has(lang);
}

export async function loadDictionary(lang: Language): Promise<void> {
  if (dictionaries.has(lang)) return;
  const load = loaders[`./dictionaries/${lang}.json`];
  // A language in the list without a dictionary yet still works: every string falls back, marked.
  dictionaries.set(lang, load ? await load() : {});
}

export type Params = Record<string, string | number>;

/**
 * Looks up a message and fills `{name}` placeholders. Unknown placeholders stay visible, to be noticed;
 * a key the language lacks shows the Japanese with a marker rather than nothing.
 */
export function translate(lang: Language, key: MessageKey, params?: Params): string {
  const own = dictionaries.get(lang)?.[key];
  const template = own || (lang === 'ja' ? ja[key] : `${FALLBACK_MARKER}${ja[key]}`);
  if (!params) return template;
  return fillPlaceholders(template, params);
}

/** Browser language decides the default; Japanese when the browser prefers none we speak. */
export function detectLanguage(languages: readonly string[] = navigator.languages ?? []): Language {
  return languageForBrowser(languages);
}

export function isMessageKey(key: string): key is MessageKey {
  return key in ja;
}

export { LANGUAGES };
