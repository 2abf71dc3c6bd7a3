import { useDeskTitle } from './useDeskTitle.ts';
import { useState } from 'react';
import { useQueueStore } from '../../store/queueStore.ts';
import { useCatalogStore } from '../../store/catalogStore.ts';
import { queueActions } from '../../app/queueActions.ts';
import { askForNotifications } from '../../app/callAlert.ts';
import { takeMeToCounter } from '../../app/catalogActions.ts';
import { useT } from '../../i18n/useT.ts';
import type { TicketView } from '../../../../shared/protocol/index.ts';

function waitText(ticket: TicketView, t: ReturnType<typeof useT>['t']): string {
  const ahead = ticket.position - 1;
  const minutes = ticket.etaMinutes;
  if (ahead === 0) return minutes === 0 ? t('ticket.nextShortly') : t('ticket.next', { minutes });
  return minutes === 0 ? t('ticket.positionShortly', { ahead }) : t('ticket.position', { ahead, minutes });
}

/** The resident's number, always in view while they walk: place in line, estimate, leave, notify me. */
export function TicketCard() {
  const { t } = useT();
  const ticket = useQueueStore((s) => s.ticket);
  const counter = useCatalogStore((s) => s.counters.find((c) => c.id === ticket?.counterId));
  const deskTitle = useDeskTitle();
  const [permission, setPermission] = useState(() =>
    typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
  );
  if (!ticket || ticket.status === 'serving') return null;
  const counterName = deskTitle(ticket.counterId);
  return (
    <section className="ticket-card" aria-labelledby="ticket-heading">
      <h2 id="ticket-heading">{t('ticket.heading')}</h2>
      <p className="ticket-number" aria-label={t('ticket.numberLabel', { number: ticket.number })}>
        {ticket.number}
      </p>
      <p>{counterName}</p>
      {ticket.transferFrom && <p className="muted">{t('ticket.transferred')}</p>}
      {ticket.status === 'waiting' && (
        <>
          <p role="status">{waitText(ticket, t)}</p>
          <p className="muted eta-basis">
            {ticket.etaBasis.servicesToday > 0
              ? t('ticket.basisToday', {
                  count: ticket.etaBasis.servicesToday,
                  minutes: ticket.etaBasis.averageMinutes,
                })
              : t('ticket.basisDefault', { minutes: ticket.etaBasis.averageMinutes })}
          </p>
        </>
      )}
      <div className="ticket-actions">
        {counter && (
          <button type="button" onClick={() => takeMeToCounter(counter.id, counterName)}>
            {t('proc.takeMeThere')}
          </button>
        )}
        {permission === 'default' && (
          <button type="button" onClick={() => void askForNotifications().then(setPermission)}>
            {t('ticket.notifyMe')}
          </button>
        )}
        <button type="button" onClick={queueActions.leaveQueue}>
          {t('ticket.leave')}
        </button>
      </div>
    </section>
  );
}
