import type { Language } from '../../../shared/constants.ts';
import type { LocalizedText } from '../../../shared/layout/layoutSchema.ts';
import { en } from './en.ts';
import { ja, type Dictionary, type MessageKey } from './ja.ts';

const dictionaries: Record<Language, Dictionary> = { ja, en };

export type Params = Record<string, string | number>;

/** Looks up a message and fills `{name}` placeholders. Unknown placeholders stay visible, to be noticed. */
export function translate(lang: Language, key: MessageKey, params?: Params): string {
  const template = dictionaries[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Layout data carries its own ja/en names; pick the one for the current language. */
export function localized(lang: Language, text: LocalizedText): string {
  return text[lang];
}

/** Browser language decides the default; Japanese when the browser prefers neither. */
export function detectLanguage(languages: readonly string[] = navigator.languages ?? []): Language {
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'ja') return 'ja';
    if (base === 'en') return 'en';
  }
  return 'ja';
}

export function isMessageKey(key: string): key is MessageKey {
  return key in ja;
}
