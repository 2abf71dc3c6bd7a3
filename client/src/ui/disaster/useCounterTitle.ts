import { useCallback } from 'react';
import { useDisasterStore } from '../../store/disasterStore.ts';
import { useT } from '../../i18n/useT.ts';
import type { LocalizedText } from '../../../../shared/i18n/localized.ts';

const NONE: string[] = [];

/** Counters an admin relabelled for disaster mode; none otherwise. */
export const useRelabelled = () => useDisasterStore((s) => (s.view.on ? s.view.counters : NONE));

/** "1番 市民課", or "1番 市民課（災害相談窓口）" while disaster mode relabels it. */
export function useCounterTitle() {
  const { t, tl } = useT();
  const relabelled = useRelabelled();
  return useCallback(
    (c: { id: string; number: number; name: LocalizedText }) => {
      const title = t('hall.counterName', { number: c.number, name: tl(c.name) });
      return relabelled.includes(c.id) ? t('disaster.counterTitle', { counter: title }) : title;
    },
    [t, tl, relabelled],
  );
}
