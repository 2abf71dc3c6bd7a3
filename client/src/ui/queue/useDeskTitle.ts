import { useCallback } from 'react';
import { useCatalogStore } from '../../store/catalogStore.ts';
import { useT } from '../../i18n/useT.ts';
import { INFO_DESK_ID } from '../../../../shared/layout/infoDeskCounter.ts';

/** "1番 市民課" for a counter, "総合案内" for the information desk (a number there has no counter number). */
export function useDeskTitle() {
  const { t, tl } = useT();
  const counters = useCatalogStore((s) => s.counters);
  return useCallback(
    (id: string | null | undefined): string => {
      if (id === INFO_DESK_ID) return t('desk.heading');
      const c = counters.find((x) => x.id === id);
      return c ? t('hall.counterName', { number: c.number, name: tl(c.name) }) : '';
    },
    [t, tl, counters],
  );
}
