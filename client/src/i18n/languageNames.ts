import { LANGUAGE_LIST, type Language } from '../../../shared/i18n/languages.ts';

/** Language names are always written in their own language, so anyone can find theirs. */
export const NATIVE_NAMES: Record<Language, string> = Object.fromEntries(
  LANGUAGE_LIST.map((l) => [l.code, l.name]),
);
