import { useCatalogStore } from '../../store/catalogStore.ts';
import { openProcedure, takeMeToCounter } from '../../app/catalogActions.ts';
import { useT } from '../../i18n/useT.ts';
import { ChannelBadge } from './ChannelBadge.tsx';
import { useRuby } from '../../i18n/Ruby.tsx';

export function SearchResults() {
  const { t, tl } = useT();
  const { r } = useRuby();
  const query = useCatalogStore((s) => s.query);
  const results = useCatalogStore((s) => s.results) ?? [];
  const counters = useCatalogStore((s) => s.counters);
  return (
    <div className="search-results">
      <h2 tabIndex={-1}>{t('search.results', { query, count: results.length })}</h2>
      {results.length === 0 && <p>{t('search.none')}</p>}
      <ul className="procedure-list">
        {results.map((p) => {
          const counter = counters.find((c) => c.id === p.counterId);
          const label = counter
            ? t('hall.counterName', { number: counter.number, name: tl(counter.name) })
            : '';
          return (
            <li key={p.id}>
              <span className="procedure-name">{r(tl(p.name))}</span>
              <span className="muted">{label}</span>
              <ChannelBadge channel={p.channel} />
              <span className="actions">
                <button
                  type="button"
                  aria-label={t('guide.detailsOf', { name: tl(p.name) })}
                  onClick={() => void openProcedure(p.id)}
                >
                  {t('guide.details')}
                </button>
                {counter && (
                  <button
                    type="button"
                    aria-label={t('hall.goTo', { name: label })}
                    onClick={() => takeMeToCounter(counter.id, label)}
                  >
                    {t('proc.takeMeThere')}
                  </button>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
