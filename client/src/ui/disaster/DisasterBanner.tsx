import { useDisasterStore } from '../../store/disasterStore.ts';
import { useT } from '../../i18n/useT.ts';
import { useWhen } from '../../i18n/useWhen.ts';

/** Focuses the disaster panel's heading (it stands first in the side panel while disaster mode is on). */
export function showDisasterInfo(): void {
  document.getElementById('disaster-info-heading')?.focus();
}

/** Disaster mode, over the 3D hall, the 2D view and the staff console alike: read at once, never closable. */
export function DisasterBanner() {
  const { t } = useT();
  const formatWhen = useWhen();
  const view = useDisasterStore((s) => s.view);
  if (!view.on) return null;
  return (
    <div className="announcement severity-emergency disaster-banner" role="alert">
      <p>
        <strong>{t('disaster.title')}</strong> {t('disaster.banner', { reason: view.reason })}
      </p>
      {view.since && (
        <span className="announcement-time">{t('announce.since', { when: formatWhen(view.since) })}</span>
      )}
      <button type="button" onClick={showDisasterInfo}>
        {t('disaster.showInfo')}
      </button>
    </div>
  );
}
