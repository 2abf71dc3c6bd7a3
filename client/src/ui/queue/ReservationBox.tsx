import { useEffect, useState } from 'react';
import type { BookingView, SlotView } from '../../../../shared/protocol/index.ts';
import { bookingActions } from '../../app/bookingActions.ts';
import { useCatalogStore } from '../../store/catalogStore.ts';
import { useAppStore } from '../../store/appStore.ts';
import { useT } from '../../i18n/useT.ts';
import { useWhen } from '../../i18n/useWhen.ts';
import { TopicSelect } from './TopicSelect.tsx';
import type { MessageKey } from '../../i18n/ja.ts';

/** Book a consultation slot at this counter: nickname and topic only, contact optional. */
export function ReservationBox({ counterId }: { counterId: string }) {
  const { t, lang } = useT();
  const when = useWhen();
  const counter = useCatalogStore((s) => s.counters.find((c) => c.id === counterId));
  const profile = useAppStore((s) => s.profile);
  const [slots, setSlots] = useState<SlotView[] | null>(null);
  const [mine, setMine] = useState<BookingView[]>([]);
  const [slotId, setSlotId] = useState<number | null>(null);
  const [nickname, setNickname] = useState(profile?.nickname ?? '');
  const [topic, setTopic] = useState('');
  const [contact, setContact] = useState('');
  const [result, setResult] = useState<BookingView | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);

  const reload = () => {
    void bookingActions.slots(counterId).then(setSlots);
    void bookingActions.mine().then((all) => setMine(all.filter((b) => b.slot.counterId === counterId)));
  };
  useEffect(reload, [counterId]);
  if (!counter || !slots) return null;

  return (
    <section className="reservation-box" aria-labelledby={`booking-${counterId}`}>
      <h3 id={`booking-${counterId}`}>{t('booking.heading')}</h3>
      {mine.map((b) => (
        <p key={b.code} className="my-booking">
          {t('booking.yours', { when: when(b.slot.startsAt), code: b.code })}{' '}
          <a href={bookingActions.calendarUrl(b.code, lang)} download>
            {t('booking.calendar')}
          </a>{' '}
          <button type="button" onClick={() => void bookingActions.cancel(b.code).then(reload)}>
            {t('booking.cancel')}
          </button>
        </p>
      ))}
      {result && (
        <div className="booking-done" role="status">
          <p>{t('booking.done', { when: when(result.slot.startsAt) })}</p>
          <p className="ticket-number" aria-label={t('booking.codeLabel', { code: result.code })}>
            {result.code}
          </p>
          <p className="muted">{t('booking.codeHint')}</p>
        </div>
      )}
      {slots.length === 0 ? (
        <p className="muted">{t('booking.noSlots')}</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (slotId === null) return setError('booking.pickSlot');
            void bookingActions.book(slotId, nickname, topic || null, contact.trim() || null).then((r) => {
              if (r.ok) {
                setResult(r.booking);
                setError(null);
                reload();
              } else setError(`serverError.${r.error}` as MessageKey);
            });
          }}
        >
          <fieldset>
            <legend>{t('booking.slots')}</legend>
            {slots.map((s) => (
              <label key={s.id} className="slot-choice">
                <input
                  type="radio"
                  name={`slot-${counterId}`}
                  disabled={s.remaining === 0}
                  checked={slotId === s.id}
                  onChange={() => setSlotId(s.id)}
                />
                {t('booking.slot', { when: when(s.startsAt), minutes: s.minutes, remaining: s.remaining })}
              </label>
            ))}
          </fieldset>
          <label htmlFor={`book-nick-${counterId}`}>{t('entry.nickname')}</label>
          <input
            id={`book-nick-${counterId}`}
            value={nickname}
            onChange={(e) => setNickname(e.target.value)}
          />
          <TopicSelect
            id={`book-topic-${counterId}`}
            counterId={counterId}
            value={topic}
            onChange={setTopic}
          />
          <label htmlFor={`book-contact-${counterId}`}>{t('booking.contact')}</label>
          <input
            id={`book-contact-${counterId}`}
            value={contact}
            maxLength={100}
            aria-describedby={`book-contact-hint-${counterId}`}
            onChange={(e) => setContact(e.target.value)}
          />
          <p className="hint" id={`book-contact-hint-${counterId}`}>
            {t('booking.contactHint')}
          </p>
          {error && (
            <p className="form-error" role="alert">
              {t(error)}
            </p>
          )}
          <button type="submit" className="primary">
            {t('booking.book')}
          </button>
        </form>
      )}
    </section>
  );
}
