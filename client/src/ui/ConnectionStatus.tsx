import { useHallStore } from '../store/hallStore.ts';
import { enterAgain } from '../app/hallSession.ts';
import { useT } from '../i18n/useT.ts';

/** Always visible; announced politely when it changes. Offers a way back in when the link is gone. */
export function ConnectionStatus() {
  const { t } = useT();
  const status = useHallStore((s) => s.status);
  return (
    <div className={`connection connection-${status}`}>
      <span role="status" aria-live="polite">
        <span className="dot" aria-hidden="true" />
        <span className="visually-hidden">{t('connection.label')}: </span>
        {t(`connection.${status}`)}
      </span>
      {status === 'disconnected' && (
        <button type="button" onClick={enterAgain}>
          {t('connection.retry')}
        </button>
      )}
    </div>
  );
}
