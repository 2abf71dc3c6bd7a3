import { useState } from 'react';
import type { AnnouncementView } from '../../../../shared/protocol/announcements.ts';
import { announcementActions } from '../../app/announcementActions.ts';
import { useT } from '../../i18n/useT.ts';
import { useRuby } from '../../i18n/Ruby.tsx';
import { useWhen } from '../../i18n/useWhen.ts';

/** Today's announcements, to read back one that was closed or missed (fetched when opened). */
export function AnnouncementHistory() {
  const { t, tl } = useT();
  const { r } = useRuby();
  const formatWhen = useWhen();
  const [recent, setRecent] = useState<AnnouncementView[] | null>(null);
  const [failed, setFailed] = useState(false);
  return (
    <details
      className="announcement-history"
      onToggle={(e) => {
        if (!e.currentTarget.open) return;
        setFailed(false);
        announcementActions.today().then(
          (r) => setRecent(r.recent),
          () => setFailed(true),
        );
      }}
    >
      <summary>{t('announce.history')}</summary>
      {failed && <p className="form-error">{t('announce.historyFailed')}</p>}
      {recent && recent.length === 0 && <p>{t('announce.historyNone')}</p>}
      {recent && recent.length > 0 && (
        <ul>
          {recent.map((a) => (
            <li key={a.id} className={`severity-${a.severity}`}>
              <span className="announcement-time">{formatWhen(a.startsAt)}</span>{' '}
              <strong>{t(`announce.severity.${a.severity}`)}</strong> {r(tl(a.texts))}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
