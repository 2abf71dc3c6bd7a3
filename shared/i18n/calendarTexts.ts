import calendarTexts from './calendarTexts.json';
import { FALLBACK_MARKER, fillPlaceholders } from './localized.ts';
import type { Language } from './languages.ts';

/**
 * The few words the server writes itself, into the calendar files residents keep: one entry per
 * language in calendarTexts.json, Japanese the fallback (marked), like everything else.
 */
export type CalendarKey = keyof (typeof calendarTexts)['ja'];
const table = calendarTexts as Record<string, Partial<Record<CalendarKey, string>>>;

export function calendarText(
  lang: Language,
  key: CalendarKey,
  params: Record<string, string | number>,
): string {
  const own = table[lang]?.[key];
  const template = own || `${lang === 'ja' ? '' : FALLBACK_MARKER}${calendarTexts.ja[key]}`;
  return fillPlaceholders(template, params);
}

export const CALENDAR_TEXT_LANGUAGES = Object.keys(calendarTexts);
