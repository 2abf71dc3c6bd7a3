import { useState } from 'react';
import { useCatalogStore } from '../../store/catalogStore.ts';
import { recordLinkOpened, takeMeToCounter } from '../../app/catalogActions.ts';
import { useT } from '../../i18n/useT.ts';
import { checklistHash } from './checklistLink.ts';
import { useTicks } from './useTicks.ts';
import { ChannelBadge } from './ChannelBadge.tsx';
import { localizedOptional } from '../../../../shared/i18n/localized.ts';
import { useRuby } from '../../i18n/Ruby.tsx';

/** One checklist for a life event, grouped by counter, online items first; printable and shareable. */
export function ChecklistView({ inHall = true }: { inHall?: boolean }) {
  const { t, tl, lang } = useT();
  const { r } = useRuby();
  const checklist = useCatalogStore((s) => s.checklist);
  const events = useCatalogStore((s) => s.lifeEvents);
  const counters = useCatalogStore((s) => s.counters);
  const [copied, setCopied] = useState(false);
  const hash = checklist ? checklistHash(checklist) : '';
  const { ticked, toggle } = useTicks(hash);
  if (!checklist) return null;
  const event = events.find((e) => e.id === checklist.lifeEventId);
  const count = checklist.groups.reduce((n, g) => n + g.items.length, 0);

  const share = async () => {
    const url = `${location.origin}${location.pathname}${hash}`;
    history.replaceState(null, '', hash);
    await navigator.clipboard?.writeText(url).catch(() => {});
    setCopied(true);
  };

  return (
    <div className="checklist">
      <h2 tabIndex={-1}>
        {t('checklist.heading', { event: event ? tl(event.name) : checklist.lifeEventId })}
      </h2>
      <p>{t('checklist.count', { count })}</p>
      <div className="checklist-actions no-print">
        <button type="button" onClick={() => window.print()}>
          {t('checklist.print')}
        </button>
        <button type="button" onClick={() => void share()}>
          {t('checklist.share')}
        </button>
        <span role="status">{copied ? t('checklist.copied') : ''}</span>
      </div>
      {checklist.groups.map((g) => {
        const counter = counters.find((c) => c.id === g.department.counterId);
        const label = counter
          ? t('hall.counterName', { number: counter.number, name: tl(counter.name) })
          : tl(g.department.name);
        return (
          <section key={g.department.id} className="checklist-group">
            <h3>{label}</h3>
            {inHall && counter && (
              <button type="button" className="no-print" onClick={() => takeMeToCounter(counter.id, label)}>
                {t('proc.takeMeThere')}
              </button>
            )}
            <ul>
              {g.items.map((item) => (
                <li key={item.id} className={item.channel === 'visit' ? 'visit' : 'online'}>
                  <label className="tick">
                    <input
                      type="checkbox"
                      checked={ticked.has(item.id)}
                      onChange={() => toggle(item.id)}
                      aria-label={t('checklist.done', { name: tl(item.name) })}
                    />
                    <span className="procedure-name">{r(tl(item.name))}</span>
                  </label>
                  <ChannelBadge channel={item.channel} />
                  {item.note.ja && <span className="muted">{r(localizedOptional(lang, item.note))}</span>}
                  {item.onlineUrl && (
                    <a
                      href={item.onlineUrl}
                      target="_blank"
                      rel="noopener noreferrer"
                      onClick={() => recordLinkOpened(item.id)}
                    >
                      {t('proc.applyOnline')}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <p className="muted no-print">{t('checklist.privacy')}</p>
    </div>
  );
}
