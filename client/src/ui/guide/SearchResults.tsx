import { DetailsButton } from './DetailsButton.tsx';
import { useCatalogStore } from '../../store/catalogStore.ts';
import { openProcedure, takeMeToCounter } from '../../app/catalogActions.ts';
import { useT } from '../../i18n/useT.ts';
import { ChannelBadge } from './ChannelBadge.tsx';
import { useRuby } from '../../i18n/Ruby.tsx';
import { useDisasterStore } from '../../store/disasterStore.ts';

const NONE: never[] = [];

/** Search results; in disaster mode the procedures for disaster victims stand above them. */
export function SearchResults() {
  const { t, tl } = useT();
  const { r } = useRuby();
  const query = useCatalogStore((s) => s.query);
  const results = useCatalogStore((s) => s.results) ?? [];
  const counters = useCatalogStore((s) => s.counters);
  const disasterOn = useDisasterStore((s) => s.view.on);
  const disasterProcedures = useDisasterStore((s) => s.info?.procedures ?? NONE);
  return (
    <div className="search-results">
      <h2 tabIndex={-1}>{t('search.results', { query, count: results.length })}</h2>
      {disasterOn && disasterProcedures.length > 0 && (
        <div className="disaster-first">
          <h3>{t('disaster.procedures')}</h3>
          <ul>
            {disasterProcedures.map((p) => (
              <li key={p.id}>
                <button type="button" onClick={() => void openProcedure(p.id)}>
                  {t('desk.openProcedure', { name: tl(p.name) })}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
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
                <DetailsButton procedureId={p.id} name={tl(p.name)} />
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
