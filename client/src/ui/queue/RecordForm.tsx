import { useEffect, useState } from 'react';
import { Outcome } from '../../../../shared/protocol/index.ts';
import { recordActions } from '../../app/recordActions.ts';
import { useCatalogStore } from '../../store/catalogStore.ts';
import { useT } from '../../i18n/useT.ts';

/** Staff notes and outcome for one consultation; visible to staff only, saved on demand. */
export function RecordForm({ ticketId }: { ticketId: number }) {
  const { t, tl } = useT();
  const counters = useCatalogStore((s) => s.counters);
  const [notes, setNotes] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [referredTo, setReferredTo] = useState('');
  const [saved, setSaved] = useState<'idle' | 'saved' | 'failed'>('idle');

  useEffect(() => {
    void recordActions.read(ticketId).then((r) => {
      if (!r) return;
      setNotes(r.notes);
      setOutcome(r.outcome);
      setReferredTo(r.referredTo ?? '');
    });
  }, [ticketId]);

  return (
    <form
      className="record-form"
      aria-labelledby="record-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void recordActions
          .save(ticketId, {
            notes,
            outcome,
            referredTo: outcome === 'referred' && referredTo ? referredTo : null,
          })
          .then((ok) => setSaved(ok ? 'saved' : 'failed'));
      }}
    >
      <h3 id="record-heading">{t('record.heading')}</h3>
      <p className="muted">{t('record.staffOnly')}</p>
      <label htmlFor="record-notes">{t('record.notes')}</label>
      <textarea
        id="record-notes"
        rows={4}
        maxLength={4000}
        value={notes}
        onChange={(e) => {
          setNotes(e.target.value);
          setSaved('idle');
        }}
      />
      <fieldset>
        <legend>{t('record.outcome')}</legend>
        {Outcome.options.map((o) => (
          <label key={o} className="inline-choice">
            <input type="radio" name="outcome" checked={outcome === o} onChange={() => setOutcome(o)} />
            {t(`record.outcome.${o}`)}
          </label>
        ))}
      </fieldset>
      {outcome === 'referred' && (
        <>
          <label htmlFor="record-referred">{t('record.referredTo')}</label>
          <select id="record-referred" value={referredTo} onChange={(e) => setReferredTo(e.target.value)}>
            <option value="">—</option>
            {counters.map((c) => (
              <option key={c.id} value={c.id}>
                {t('hall.counterName', { number: c.number, name: tl(c.name) })}
              </option>
            ))}
          </select>
        </>
      )}
      <button type="submit" className="primary">
        {t('record.save')}
      </button>
      <span role="status">
        {saved === 'saved' ? t('record.saved') : saved === 'failed' ? t('record.failed') : ''}
      </span>
    </form>
  );
}
