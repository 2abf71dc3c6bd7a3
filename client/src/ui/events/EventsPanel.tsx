import { useDisasterStore } from '../../store/disasterStore.ts';
import { useEffect } from 'react';
import { useBriefingStore } from '../../store/briefingStore.ts';
import { useQueueStore } from '../../store/queueStore.ts';
import { briefingActions } from '../../app/briefingActions.ts';
import { useT } from '../../i18n/useT.ts';
import { useWhen } from '../../i18n/useWhen.ts';
import { SlideUploader } from './SlideUploader.tsx';

/** Upcoming and live briefings, in the side panel of both views: join, add to calendar; hosts start and end them. */
export function EventsPanel() {
  const { t, tl, lang } = useT();
  const when = useWhen();
  const events = useBriefingStore((s) => s.events);
  const disasterOn = useDisasterStore((s) => s.view.on);
  const inBriefing = useBriefingStore((s) => s.event !== null);
  const staff = useQueueStore((s) => s.staff);
  const isHost = staff?.role === 'host' || staff?.role === 'admin';
  useEffect(() => {
    void briefingActions.refresh();
    const timer = setInterval(() => void briefingActions.refresh(), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (events.length === 0 && !isHost) return null;
  return (
    <section className="events-panel" aria-labelledby="events-heading">
      <h2 id="events-heading" tabIndex={-1}>
        {t('events.heading')}
      </h2>
      {events.length === 0 && <p className="muted">{t('events.none')}</p>}
      <ul>
        {events.map((e) => (
          <li key={e.id}>
            <strong>{tl(e.title)}</strong>{' '}
            <span className={`event-status status-${e.status}`}>{t(`events.status.${e.status}`)}</span>
            <br />
            <span className="muted">
              {when(e.startsAt)} · {t('events.capacity', { count: e.capacity })}
            </span>
            <p className="muted">{tl(e.description)}</p>
            {/* In disaster mode a briefing not yet begun is called off; one a host runs live is the urgent kind. */}
            {disasterOn && e.status === 'scheduled' && (
              <p className="form-error">{t('disaster.briefingCancelled')}</p>
            )}
            <div className="ticket-actions">
              {e.status === 'live' && !inBriefing && (
                <button type="button" className="primary" onClick={() => void briefingActions.join(e)}>
                  {t('events.join', { title: tl(e.title) })}
                </button>
              )}
              <a
                href={briefingActions.calendarUrl(e.id, lang)}
                download
                aria-label={t('events.actionOn', { action: t('booking.calendar'), title: tl(e.title) })}
              >
                {t('booking.calendar')}
              </a>
              {isHost && e.status === 'scheduled' && (
                <button
                  type="button"
                  onClick={() => void briefingActions.setLive(e.id, true)}
                  aria-label={t('events.actionOn', { action: t('events.start'), title: tl(e.title) })}
                >
                  {t('events.start')}
                </button>
              )}
              {isHost && e.status === 'live' && (
                <button
                  type="button"
                  onClick={() => void briefingActions.setLive(e.id, false)}
                  aria-label={t('events.actionOn', { action: t('events.end'), title: tl(e.title) })}
                >
                  {t('events.end')}
                </button>
              )}
            </div>
            {/* Before or during the briefing: attendees are shown the new deck at once. */}
            {isHost && <SlideUploader eventId={e.id} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
