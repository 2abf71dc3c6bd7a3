import { useState } from 'react';
import { ServerErrorCode } from '../../../../shared/protocol/index.ts';
import { bookingActions } from '../../app/bookingActions.ts';
import { useT } from '../../i18n/useT.ts';
import { TopicSelect } from '../queue/TopicSelect.tsx';

function NumberField(p: {
  id: string;
  label: string;
  min: number;
  max: number;
  value: number;
  onChange(n: number): void;
}) {
  return (
    <>
      <label htmlFor={p.id}>{p.label}</label>
      <input
        id={p.id}
        type="number"
        min={p.min}
        max={p.max}
        value={p.value}
        onChange={(e) => p.onChange(Number(e.target.value))}
      />
    </>
  );
}

/** Staff publish consultation slots for their counter: date and time, length, places, optional topic. */
export function SlotPublisher({ counterId }: { counterId: string }) {
  const { t } = useT();
  const [at, setAt] = useState('');
  const [minutes, setMinutes] = useState(20);
  const [capacity, setCapacity] = useState(1);
  const [topic, setTopic] = useState('');
  const [status, setStatus] = useState('');
  return (
    <details className="slot-publisher">
      <summary>{t('slots.publish')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const startsAt = at ? new Date(at) : null;
          if (!startsAt || Number.isNaN(startsAt.getTime())) return setStatus(t('slots.pickTime'));
          void bookingActions
            .publish({
              counterId,
              procedureId: topic || null,
              startsAt: startsAt.toISOString(),
              minutes,
              capacity,
            })
            .then((r) => {
              // A refusal the server has words for is said in them; anything else names its code.
              const known = ServerErrorCode.safeParse(r.error);
              const reason = known.success ? t(`serverError.${known.data}`) : (r.error ?? '');
              setStatus(r.ok ? t('slots.published') : t('slots.failed', { reason }));
            });
        }}
      >
        <label htmlFor="slot-at">{t('slots.startsAt')}</label>
        <input id="slot-at" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
        <NumberField
          id="slot-minutes"
          label={t('slots.minutes')}
          min={5}
          max={180}
          value={minutes}
          onChange={setMinutes}
        />
        <NumberField
          id="slot-capacity"
          label={t('slots.capacity')}
          min={1}
          max={50}
          value={capacity}
          onChange={setCapacity}
        />
        <TopicSelect id="slot-topic" counterId={counterId} value={topic} onChange={setTopic} />
        <button type="submit">{t('slots.submit')}</button>
        <span role="status">{status}</span>
      </form>
    </details>
  );
}
