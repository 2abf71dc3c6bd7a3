import { useId, useMemo, useState } from 'react';
import { useBriefingStore, type BriefingPersonView } from '../../store/briefingStore.ts';
import { briefingActions } from '../../app/briefingActions.ts';
import { localeOf } from '../../../../shared/i18n/languages.ts';
import { useT } from '../../i18n/useT.ts';
import { RemoveButton } from './RemoveButton.tsx';

/** Rows on one page: a few hundred rows would make every keystroke in the search box slow to show. */
export const ATTENDEE_PAGE = 20;

/**
 * For hosts and moderators (who receive everyone): the audience, searchable by nickname and in pages, each
 * with a button to remove them — also someone who never raised a hand (a spammer who only asks).
 */
export function AttendeeList() {
  const { t, lang } = useT();
  const people = useBriefingStore((s) => s.people);
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const searchId = useId();
  const headingId = useId();
  const audience = useMemo(() => {
    const needle = query.normalize('NFKC').trim().toLowerCase();
    const collator = new Intl.Collator(localeOf(lang));
    return Object.values(people)
      .filter((p) => p.role === 'attendee' && p.nickname.normalize('NFKC').toLowerCase().includes(needle))
      .sort((a, b) => collator.compare(a.nickname, b.nickname));
  }, [people, query, lang]);
  const pages = Math.max(1, Math.ceil(audience.length / ATTENDEE_PAGE));
  const shown = Math.min(page, pages - 1);
  const rows = audience.slice(shown * ATTENDEE_PAGE, (shown + 1) * ATTENDEE_PAGE);

  return (
    <section className="attendee-list" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('briefing.attendeeList')}</h3>
      <div className="search compact" role="search">
        <label htmlFor={searchId}>{t('briefing.attendeeSearch')}</label>
        <input
          id={searchId}
          type="search"
          value={query}
          maxLength={40}
          onChange={(e) => {
            setQuery(e.target.value);
            setPage(0);
          }}
        />
      </div>
      <p className="muted" aria-live="polite">
        {audience.length === 0
          ? t('briefing.attendeesNone')
          : t('briefing.attendeesShown', {
              from: shown * ATTENDEE_PAGE + 1,
              to: shown * ATTENDEE_PAGE + rows.length,
              total: audience.length,
            })}
      </p>
      <ul aria-labelledby={headingId}>
        {rows.map((p) => (
          <AttendeeRow key={p.id} person={p} />
        ))}
      </ul>
      {pages > 1 && (
        <div className="ticket-actions">
          <button type="button" disabled={shown === 0} onClick={() => setPage(shown - 1)}>
            {t('briefing.attendeesPrevious')}
          </button>
          <button type="button" disabled={shown >= pages - 1} onClick={() => setPage(shown + 1)}>
            {t('briefing.attendeesNext')}
          </button>
        </div>
      )}
    </section>
  );
}

function AttendeeRow({ person: p }: { person: BriefingPersonView }) {
  const { t } = useT();
  return (
    <li>
      {p.nickname}{' '}
      <span className="muted">
        {p.overflow ? t('briefing.inOverflowShort') : p.seat}
        {p.hand && ` · ${t('briefing.handUp')}`}
        {p.speaking && ` · ${t('briefing.speaking')}`}
      </span>{' '}
      <RemoveButton name={p.nickname} onRemove={() => briefingActions.remove(p.id)} />
    </li>
  );
}
