import { useCallback } from 'react';
import { useT } from './useT.ts';

/** "11月26日(木) 08:30" / "Thu 26 Nov, 08:30": a date and time the way residents read them. */
export function useWhen(): (iso: string) => string {
  const { lang } = useT();
  return useCallback(
    (iso: string) =>
      new Date(iso).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB', {
        month: 'short',
        day: 'numeric',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
      }),
    [lang],
  );
}
