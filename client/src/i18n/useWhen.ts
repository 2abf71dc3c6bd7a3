import { useCallback } from 'react';
import { useT } from './useT.ts';
import { localeOf } from '../../../shared/i18n/languages.ts';

/** "11月26日(木) 08:30" / "Thu 26 Nov, 08:30": a date and time the way residents of each language read them. */
export function useWhen(): (iso: string) => string {
  const { lang } = useT();
  return useCallback(
    (iso: string) =>
      new Date(iso).toLocaleString(localeOf(lang), {
        month: 'short',
        day: 'numeric',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
      }),
    [lang],
  );
}
