import { useCatalogStore } from '../../store/catalogStore.ts';
import { recordLinkOpened, takeMeToCounter } from '../../app/catalogActions.ts';
import { useT } from '../../i18n/useT.ts';
import { ChannelBadge } from './ChannelBadge.tsx';
import { localizedList, localizedOptional } from '../../../../shared/i18n/localized.ts';
import { localeOf } from '../../../../shared/i18n/languages.ts';
import { useRuby } from '../../i18n/Ruby.tsx';

/** Everything a resident needs before starting: who, what to bring, fee, how long, and where. */
export function ProcedureDetail({ procedureId }: { procedureId: string }) {
  const { t, tl, lang } = useT();
  const { r } = useRuby();
  const p = useCatalogStore((s) => s.procedures[procedureId]);
  const counter = useCatalogStore((s) => s.counters.find((c) => c.id === p?.counterId));
  if (!p) return null;
  const counterLabel = counter
    ? t('hall.counterName', { number: counter.number, name: tl(counter.name) })
    : null;
  const documents = localizedList(lang, p.documents);
  const feeNote = localizedOptional(lang, p.feeNote);
  return (
    <article className="procedure-detail">
      <h2 tabIndex={-1}>{r(tl(p.name))}</h2>
      <p>{r(tl(p.summary))}</p>
      <ChannelBadge channel={p.channel} />
      <dl>
        <dt>{t('proc.audience')}</dt>
        <dd>{r(tl(p.audience))}</dd>
        <dt>{t('proc.documents')}</dt>
        <dd>
          {documents.length === 0 ? (
            t('proc.noDocuments')
          ) : (
            <ul>
              {documents.map((d) => (
                <li key={d}>{r(d)}</li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('proc.fee')}</dt>
        <dd>
          {p.feeYen === 0
            ? t('proc.free')
            : t('proc.feeYen', { fee: p.feeYen.toLocaleString(localeOf(lang)) })}
          {feeNote && ` (${feeNote})`}
        </dd>
        <dt>{t('proc.processing')}</dt>
        <dd>{r(tl(p.processing))}</dd>
        {counterLabel && (
          <>
            <dt>{t('proc.where')}</dt>
            <dd>{counterLabel}</dd>
          </>
        )}
      </dl>
      {p.onlineUrl && (
        <a
          className="button primary"
          href={p.onlineUrl}
          target="_blank"
          rel="noopener noreferrer"
          onClick={() => recordLinkOpened(p.id)}
        >
          {t('proc.applyOnline')}
        </a>
      )}
      {p.channel === 'visit' && <p className="notice">{t('proc.visitNeeded')}</p>}
      {p.needsConsultation && <p className="notice">{t('proc.consultation')}</p>}
      {counter && counterLabel && (
        <button type="button" onClick={() => takeMeToCounter(counter.id, counterLabel)}>
          {t('proc.takeMeThere')}
        </button>
      )}
    </article>
  );
}
