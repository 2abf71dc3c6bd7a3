import { useId, useState, type FormEvent } from 'react';
import { search } from '../../app/catalogActions.ts';
import { useT } from '../../i18n/useT.ts';

/** Procedure search, in the top bar and in the 2D view. Japanese or English, kana or kanji. */
export function SearchBox({ compact = false }: { compact?: boolean }) {
  const { t } = useT();
  const [query, setQuery] = useState('');
  const id = useId();
  const hintId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void search(query);
  };
  return (
    <form role="search" className={compact ? 'search compact' : 'search'} onSubmit={submit}>
      <label htmlFor={id}>{t('search.label')}</label>
      <input
        id={id}
        type="search"
        value={query}
        maxLength={100}
        aria-describedby={hintId}
        onChange={(e) => setQuery(e.target.value)}
      />
      <button type="submit">{t('search.submit')}</button>
      <span id={hintId} className={compact ? 'visually-hidden' : 'hint'}>
        {t('search.hint')}
      </span>
    </form>
  );
}
