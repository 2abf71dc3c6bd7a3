import { useState } from 'react';
import { useQueueStore } from '../../store/queueStore.ts';
import { useCatalogStore } from '../../store/catalogStore.ts';
import { queueActions } from '../../app/queueActions.ts';
import { askForNotifications } from '../../app/callAlert.ts';
import { takeMeToCounter } from '../../app/catalogActions.ts';
import { useT } from '../../i18n/useT.ts';

/** The resident's number, always in view while they walk: place in line, estimate, leave, notify me. */
export function TicketCard() {
  const { t, tl } = useT();
  const ticket = useQueueStore((s) => s.ticket);
  const counter = useCatalogStore((s) => s.counters.find((c) => c.id === ticket?.counterId));
  const [permission, setPermission] = useState(() =>
    typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
  );
  if (!ticket || ticket.status === 'serving') return null;
  const counterName = counter
    ? t('hall.counterName', { number: counter.number, name: tl(counter.name) })
    : '';
  return (
    <section className="ticket-card" aria-labelledby="ticket-heading">
      <h2 id="ticket-heading">{t('ticket.heading')}</h2>
      <p className="ticket-number" aria-label={t('ticket.numberLabel', { number: ticket.number })}>
        {ticket.number}
      </p>
      <p>{counterName}</p>
      {ticket.transferFrom && <p className="muted">{t('ticket.transferred')}</p>}
      {ticket.status === 'waiting' && (
        <p role="status">
          {ticket.position === 1
            ? t('ticket.next', { minutes: ticket.etaMinutes })
            : t('ticket.position', { ahead: ticket.position - 1, minutes: ticket.etaMinutes })}
        </p>
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
