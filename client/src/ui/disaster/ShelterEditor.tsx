import { useEffect, useId, useState } from 'react';
import { disasterActions, loadDisasterInfo } from '../../app/disasterActions.ts';
import { refusalReason } from '../../app/refusals.ts';
import { useDisasterStore, type ShelterView } from '../../store/disasterStore.ts';
import { useQueueStore } from '../../store/queueStore.ts';
import { useT } from '../../i18n/useT.ts';

/** Any staff member, during an event: open or close a shelter and say how it is (full, water, …). */
export function ShelterEditor() {
  const { t } = useT();
  const staff = useQueueStore((s) => s.staff);
  const on = useDisasterStore((s) => s.view.on);
  const info = useDisasterStore((s) => s.info);
  useEffect(() => {
    if (staff && on && !info) void loadDisasterInfo().catch(() => {});
  }, [staff, on, info]);
  if (!staff || !on || !info) return null;
  return (
    <details className="shelter-editor" open>
      <summary>{t('disaster.shelterEditor')}</summary>
      {info.shelters.map((s) => (
        // Keyed by the shelter alone: a refresh must not throw away a note being typed.
        <ShelterRow key={s.id} shelter={s} />
      ))}
    </details>
  );
}

function ShelterRow({ shelter }: { shelter: ShelterView }) {
  const { t, tl } = useT();
  const [open, setOpen] = useState(shelter.open);
  const [note, setNote] = useState(shelter.note);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const id = useId();
  return (
    <form
      className="shelter-row"
      onSubmit={(e) => {
        e.preventDefault();
        disasterActions.setShelter(shelter.id, open, note).then(
          () => setMessage({ ok: true, text: t('disaster.shelterSaved') }),
          (err: unknown) =>
            setMessage({ ok: false, text: t('disaster.failed', { reason: refusalReason(err) }) }),
        );
      }}
    >
      <fieldset>
        <legend>{tl(shelter.name)}</legend>
        <label className="choice">
          <input type="checkbox" checked={open} onChange={(e) => setOpen(e.target.checked)} />
          {t('disaster.shelterOpen')}
        </label>
        <label htmlFor={`${id}-note`}>{t('disaster.shelterNote')}</label>
        <input id={`${id}-note`} maxLength={120} value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="submit">{t('disaster.shelterSave', { name: tl(shelter.name) })}</button>
        {message && (
          <span role={message.ok ? 'status' : 'alert'} className={message.ok ? undefined : 'form-error'}>
            {message.text}
          </span>
        )}
      </fieldset>
    </form>
  );
}
