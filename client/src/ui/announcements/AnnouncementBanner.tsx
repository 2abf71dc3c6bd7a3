import { useAnnouncementStore } from '../../store/announcementStore.ts';
import { useT } from '../../i18n/useT.ts';
import { useRuby } from '../../i18n/Ruby.tsx';
import { useWhen } from '../../i18n/useWhen.ts';

/**
 * What the hall announces now, over the 3D hall, the 2D view, a consultation or a briefing alike.
 * Emergencies come first, carry the alert role (read at once) and cannot be closed; info and warnings
 * can be closed by the resident (the notice line reads them out politely as they arrive).
 */
export function AnnouncementBanner() {
  const { t, tl } = useT();
  const { r } = useRuby();
  const formatWhen = useWhen();
  const current = useAnnouncementStore((s) => s.current);
  const dismissed = useAnnouncementStore((s) => s.dismissed);
  const dismiss = useAnnouncementStore((s) => s.dismiss);
  const shown = current.filter((a) => a.severity === 'emergency' || !dismissed.includes(a.id));
  if (shown.length === 0) return null;
  return (
    <section className="announcements" aria-label={t('announce.heading')}>
      {shown.map((a) => (
        <div
          key={a.id}
          className={`announcement severity-${a.severity}`}
          role={a.severity === 'emergency' ? 'alert' : undefined}
        >
          <p>
            <strong>{t(`announce.severity.${a.severity}`)}</strong> {r(tl(a.texts))}
          </p>
          <span className="announcement-time">{t('announce.since', { when: formatWhen(a.startsAt) })}</span>
          {a.severity !== 'emergency' && (
            <button
              type="button"
              aria-label={t('announce.dismissOne', { text: tl(a.texts) })}
              onClick={() => dismiss(a.id)}
            >
              {t('announce.dismiss')}
            </button>
          )}
        </div>
      ))}
    </section>
  );
}
