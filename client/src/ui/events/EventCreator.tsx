import { useState } from 'react';
import { briefingActions } from '../../app/briefingActions.ts';
import { useQueueStore } from '../../store/queueStore.ts';
import { useT } from '../../i18n/useT.ts';

function Field(p: { id: string; label: string; value: string; onChange(v: string): void; type?: string }) {
  return (
    <>
      <label htmlFor={p.id}>{p.label}</label>
      <input id={p.id} type={p.type ?? 'text'} value={p.value} onChange={(e) => p.onChange(e.target.value)} />
    </>
  );
}

/** Staff usernames typed with commas (or Japanese commas, or spaces) between them. */
const usernames = (s: string) => s.split(/[\s,、，]+/).filter((u) => u.length > 0);

/**
 * Hosts create a briefing: titles and descriptions in both languages, start, length, capacity, and the
 * staff who caption it and interpret it into sign language.
 */
export function EventCreator() {
  const { t } = useT();
  const staff = useQueueStore((s) => s.staff);
  const [v, setV] = useState({
    titleJa: '',
    titleEn: '',
    descJa: '',
    descEn: '',
    at: '',
    minutes: '60',
    capacity: '100',
    captioners: '',
    interpreters: '',
  });
  const [status, setStatus] = useState('');
  if (staff?.role !== 'host' && staff?.role !== 'admin') return null;
  const set = (k: keyof typeof v) => (value: string) => setV({ ...v, [k]: value });
  return (
    <details className="slot-publisher">
      <summary>{t('events.create')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const start = new Date(v.at);
          if (Number.isNaN(start.getTime())) return setStatus(t('slots.pickTime'));
          const end = new Date(start.getTime() + Number(v.minutes) * 60_000);
          void briefingActions
            .create({
              title: { ja: v.titleJa, en: v.titleEn },
              description: { ja: v.descJa, en: v.descEn },
              startsAt: start.toISOString(),
              endsAt: end.toISOString(),
              capacity: Number(v.capacity),
              presenters: [staff.username],
              captioners: usernames(v.captioners),
              interpreters: usernames(v.interpreters),
            })
            .then((r) =>
              setStatus(r.ok ? t('events.created') : t('slots.failed', { reason: r.message ?? '' })),
            );
        }}
      >
        <Field id="ev-title-ja" label={t('events.titleJa')} value={v.titleJa} onChange={set('titleJa')} />
        <Field id="ev-title-en" label={t('events.titleEn')} value={v.titleEn} onChange={set('titleEn')} />
        <Field id="ev-desc-ja" label={t('events.descJa')} value={v.descJa} onChange={set('descJa')} />
        <Field id="ev-desc-en" label={t('events.descEn')} value={v.descEn} onChange={set('descEn')} />
        <Field
          id="ev-at"
          label={t('slots.startsAt')}
          type="datetime-local"
          value={v.at}
          onChange={set('at')}
        />
        <Field
          id="ev-minutes"
          label={t('slots.minutes')}
          type="number"
          value={v.minutes}
          onChange={set('minutes')}
        />
        <Field
          id="ev-capacity"
          label={t('events.capacityLabel')}
          type="number"
          value={v.capacity}
          onChange={set('capacity')}
        />
        <Field
          id="ev-captioners"
          label={t('events.captioners')}
          value={v.captioners}
          onChange={set('captioners')}
        />
        <Field
          id="ev-interpreters"
          label={t('events.interpreters')}
          value={v.interpreters}
          onChange={set('interpreters')}
        />
        <button type="submit">{t('events.createSubmit')}</button>
        <span role="status">{status}</span>
      </form>
    </details>
  );
}
