import { DetailsButton } from '../guide/DetailsButton.tsx';
import { useEffect } from 'react';
import { useDisasterStore } from '../../store/disasterStore.ts';
import { loadDisasterInfo } from '../../app/disasterActions.ts';

import { useT } from '../../i18n/useT.ts';
import { useRuby } from '../../i18n/Ruby.tsx';
import { useWhen } from '../../i18n/useWhen.ts';
import { localizedOptional } from '../../i18n/translate.ts';

/** Shelters change during an event: read again this often while the panel shows. */
const REFRESH_MS = 30_000;

/**
 * The disaster information, first in the side panel (3D and 2D) while disaster mode is on: shelters
 * with whether they are open, hotlines to call, and the procedures for disaster victims.
 */
export function DisasterPanel() {
  const { t, tl, lang } = useT();
  const { r } = useRuby();
  const formatWhen = useWhen();
  const on = useDisasterStore((s) => s.view.on);
  const info = useDisasterStore((s) => s.info);

  useEffect(() => {
    if (!on) return;
    const load = () => void loadDisasterInfo().catch(() => {});
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, [on]);

  if (!on) return null;
  return (
    <section className="disaster-panel" aria-labelledby="disaster-info-heading">
      <h2 id="disaster-info-heading" tabIndex={-1}>
        {t('disaster.heading')}
      </h2>
      {!info && <p>{t('disaster.loading')}</p>}
      {info && (
        <>
          <h3>{t('disaster.shelters')}</h3>
          <ul className="shelter-list">
            {info.shelters.map((s) => (
              <li key={s.id}>
                <span className="procedure-name">{r(tl(s.name))}</span>
                <span className={s.open ? 'shelter-open' : 'shelter-closed'}>
                  {t(s.open ? 'disaster.shelterOpen' : 'disaster.shelterClosed')}
                </span>
                <span className="muted">{r(tl(s.address))}</span>
                {s.note && <span>{s.note}</span>}
                {s.updatedAt && (
                  <span className="muted">{t('disaster.updated', { when: formatWhen(s.updatedAt) })}</span>
                )}
                {s.mapUrl && (
                  <a href={s.mapUrl} target="_blank" rel="noreferrer noopener">
                    {t('disaster.map', { name: tl(s.name) })}
                  </a>
                )}
              </li>
            ))}
          </ul>
          <h3>{t('disaster.hotlines')}</h3>
          <ul className="hotline-list">
            {info.hotlines.map((h) => (
              <li key={h.id}>
                <a href={`tel:${h.phone}`}>{t('disaster.call', { name: tl(h.name), phone: h.phone })}</a>
                <span className="muted">{localizedOptional(lang, h.hours)}</span>
              </li>
            ))}
          </ul>
          <h3>{t('disaster.procedures')}</h3>
          <ul className="procedure-list">
            {info.procedures.map((p) => (
              <li key={p.id}>
                <span className="procedure-name">{r(tl(p.name))}</span>
                <span className="muted">{r(tl(p.summary))}</span>
                <DetailsButton procedureId={p.id} name={tl(p.name)} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
