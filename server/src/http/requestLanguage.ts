import type { Request } from 'express';
import { SOURCE_LANGUAGE, isLanguage, type Language } from '../../../shared/i18n/languages.ts';

/**
 * The language a resident asked for (`?lang=`), for what the server writes itself (calendar files).
 * Anything else reads as Japanese: a file is still useful in the city's language.
 */
export function languageOf(req: Request): Language {
  const lang = req.query.lang;
  return isLanguage(lang) ? lang : SOURCE_LANGUAGE;
}
