import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useBriefingStore } from '../../store/briefingStore.ts';
import { localeOf } from '../../../../shared/i18n/languages.ts';
import { useT } from '../../i18n/useT.ts';

/**
 * Who is speaking now, by name, for everyone in the briefing (invited speakers are among the people every
 * attendee receives). Announced politely when it changes.
 */
export function SpeakersLine() {
  const { t, lang } = useT();
  const names = useBriefingStore(
    useShallow((s) => Object.values(s.people).flatMap((p) => (p.speaking ? [p.nickname] : []))),
  );
  const list = useMemo(() => new Intl.ListFormat(localeOf(lang), { type: 'conjunction' }), [lang]);
  return (
    <p className="speakers" aria-live="polite">
      {names.length > 0 && t('briefing.speakingNow', { names: list.format(names) })}
    </p>
  );
}
