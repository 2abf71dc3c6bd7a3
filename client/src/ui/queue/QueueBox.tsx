import { useState } from 'react';
import { useQueueStore } from '../../store/queueStore.ts';
import { useCatalogStore } from '../../store/catalogStore.ts';
import { queueActions } from '../../app/queueActions.ts';
import { bookingActions } from '../../app/bookingActions.ts';
import { useT } from '../../i18n/useT.ts';
import { TopicSelect } from './TopicSelect.tsx';
import { CounterStatusLine } from './CounterStatusLine.tsx';

/** In a counter's panel: is it open, how many wait, and "take a number" (with an optional topic). */
export function QueueBox({ counterId }: { counterId: string }) {
  const { t } = useT();
  const info = useQueueStore((s) => s.counters[counterId]);
  const ticket = useQueueStore((s) => s.ticket);
  const isStaff = useQueueStore((s) => s.staff !== null);
  const counter = useCatalogStore((s) => s.counters.find((c) => c.id === counterId));
  const [topic, setTopic] = useState('');
  const [code, setCode] = useState('');
  const [bookedName, setBookedName] = useState('');
  if (!info || !counter) return null;
  const closed = info.status === 'closed';
  const online = counter.procedures.filter((p) => p.channel !== 'visit');
  return (
    <section className="queue-box" aria-labelledby={`queue-${counterId}`}>
      <h3 id={`queue-${counterId}`}>{t('queue.heading')}</h3>
      <p>
        <CounterStatusLine counterId={counterId} />
      </p>
      {closed && online.length > 0 && (
        <p className="muted">{t('queue.closedOnline', { count: online.length })}</p>
      )}
      {!isStaff && !closed && !ticket && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            queueActions.takeTicket(counterId, topic || undefined);
          }}
        >
          <TopicSelect id={`topic-${counterId}`} counterId={counterId} value={topic} onChange={setTopic} />
          <button type="submit" className="primary">
            {t('queue.take')}
          </button>
        </form>
      )}
      {!isStaff && ticket && ticket.counterId !== counterId && (
        <p className="muted">{t('queue.holdingElsewhere')}</p>
      )}
      {!isStaff && !ticket && (
        <form
          className="check-in"
          onSubmit={(e) => {
            e.preventDefault();
            if (code.trim()) bookingActions.checkIn(code.trim(), bookedName.trim() || undefined);
          }}
        >
          <label htmlFor={`checkin-${counterId}`}>{t('booking.checkInCode')}</label>
          <input
            id={`checkin-${counterId}`}
            value={code}
            autoCapitalize="characters"
            maxLength={9}
            onChange={(e) => setCode(e.target.value)}
          />
          <label htmlFor={`checkin-name-${counterId}`}>{t('booking.checkInName')}</label>
          <input
            id={`checkin-name-${counterId}`}
            value={bookedName}
            autoComplete="nickname"
            onChange={(e) => setBookedName(e.target.value)}
          />
          <button type="submit">{t('booking.checkIn')}</button>
        </form>
      )}
    </section>
  );
}
