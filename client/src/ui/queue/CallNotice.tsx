import { useDeskTitle } from './useDeskTitle.ts';
import { useEffect, useRef, useState } from 'react';
import { useQueueStore } from '../../store/queueStore.ts';
import { queueActions } from '../../app/queueActions.ts';
import { useT } from '../../i18n/useT.ts';

/**
 * "Number 12, please come in": a modal alert dialog that takes focus, with the time left to answer.
 * The chime, title and system notification come from app/callAlert.ts.
 */
export function CallNotice() {
  const { t } = useT();
  const ticket = useQueueStore((s) => s.ticket);
  const deskTitle = useDeskTitle();
  const [now, setNow] = useState(() => Date.now());
  const button = useRef<HTMLButtonElement>(null);
  const called = ticket?.status === 'called';

  useEffect(() => {
    if (!called) return;
    button.current?.focus();
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [called]);

  if (!called || !ticket) return null;
  const seconds = Math.max(0, Math.round(((ticket.answerBy ?? now) - now) / 1000));
  const counterName = deskTitle(ticket.counterId);
  return (
    <div className="call-veil">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="call-title"
        aria-describedby="call-body"
        className="call-notice"
      >
        <h2 id="call-title">{t('call.title', { number: ticket.number })}</h2>
        <p id="call-body">
          {t('call.body')} {counterName}
        </p>
        <p className="muted">{t('call.timeLeft', { seconds })}</p>
        <button ref={button} type="button" className="primary" onClick={queueActions.answerCall}>
          {t('call.answer')}
        </button>
      </div>
    </div>
  );
}
