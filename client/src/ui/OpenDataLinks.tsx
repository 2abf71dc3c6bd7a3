import { useState } from 'react';
import './openData.css';
import type { OpenDataListing } from '../../../shared/protocol/openData.ts';
import { figuresActions } from '../app/figuresActions.ts';
import { useT } from '../i18n/useT.ts';

/**
 * The city's open data in the 2D view: the data sets with their CSV and JSON files and the licence.
 * Asked for only when opened (most residents never do). Titles come from the API in Japanese and English.
 */
export function OpenDataLinks() {
  const { t, lang } = useT();
  const [listing, setListing] = useState<OpenDataListing | null>(null);
  const [failed, setFailed] = useState(false);
  const words = (text: { ja: string; en: string }) =>
    lang === 'ja' || lang === 'ja-easy' ? text.ja : text.en;
  return (
    <details
      className="panel open-data"
      onToggle={(e) => {
        if (!e.currentTarget.open || listing) return;
        setFailed(false);
        figuresActions.openData().then(setListing, () => setFailed(true));
      }}
    >
      <summary>{t('opendata.heading')}</summary>
      <p>{t('opendata.lead')}</p>
      {failed && <p className="form-error">{t('opendata.failed')}</p>}
      {listing && (
        <>
          <p>
            {t('opendata.licence')}
            {listing.license.url ? (
              <a href={listing.license.url} rel="license noreferrer" target="_blank">
                {listing.license.name}
              </a>
            ) : (
              listing.license.name
            )}
            <br />
            {t('opendata.attribution', { attribution: listing.license.attribution })}
          </p>
          <p className="muted">{t('opendata.suppression')}</p>
          <ul className="open-data-sets">
            {listing.datasets.map((d) => (
              <li key={d.id}>
                <span>{words(d.title)}</span>{' '}
                <a
                  href={figuresActions.openDataUrl(d.links.csv)}
                  download
                  aria-label={t('opendata.csvOf', { title: words(d.title) })}
                >
                  CSV
                </a>{' '}
                <a
                  href={figuresActions.openDataUrl(d.links.json)}
                  aria-label={t('opendata.jsonOf', { title: words(d.title) })}
                >
                  JSON
                </a>
              </li>
            ))}
          </ul>
          <p>
            <a href={figuresActions.openDataIndexUrl()}>{t('opendata.index')}</a>
          </p>
        </>
      )}
    </details>
  );
}
