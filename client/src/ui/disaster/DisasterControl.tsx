import { useEffect, useId, useRef, useState } from 'react';
import type { DisasterSwitch } from '../../../../shared/protocol/disaster.ts';
import { can } from '../../../../shared/auth/roles.ts';
import { disasterActions } from '../../app/disasterActions.ts';
import { refusalReason } from '../../app/refusals.ts';
import { useDisasterStore } from '../../store/disasterStore.ts';
import { useQueueStore } from '../../store/queueStore.ts';
import { useCatalogStore } from '../../store/catalogStore.ts';
import { useT } from '../../i18n/useT.ts';
import { useWhen } from '../../i18n/useWhen.ts';

/** Admins: disaster mode on (with a reason, counters to relabel) and off, and the log of every switch. */
export function DisasterControl() {
  const { t, tl } = useT();
  const formatWhen = useWhen();
  const staff = useQueueStore((s) => s.staff);
  const view = useDisasterStore((s) => s.view);
  const counters = useCatalogStore((s) => s.counters);
  const [reason, setReason] = useState('');
  const [relabel, setRelabel] = useState<string[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [log, setLog] = useState<DisasterSwitch[] | null>(null);
  const id = useId();
  // Just switched on from the form (which is gone now): the keyboard lands on the way back.
  const offButton = useRef<HTMLButtonElement>(null);
  const justSwitched = useRef(false);
  useEffect(() => {
    if (view.on && justSwitched.current) offButton.current?.focus();
    justSwitched.current = false;
  }, [view.on]);
  if (!staff || !can(staff.role, 'disasterMode')) return null;

  const run = (action: () => Promise<unknown>, done: string) => {
    setMessage(null);
    action().then(
      () => {
        setMessage({ ok: true, text: t(done as 'disaster.switchedOn') });
        if (log) void disasterActions.log().then(setLog, () => {});
      },
      (err: unknown) => setMessage({ ok: false, text: t('disaster.failed', { reason: refusalReason(err) }) }),
    );
  };

  return (
    <section className="disaster-control" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('disaster.control')}</h2>
      {view.on ? (
        <button
          type="button"
          className="primary"
          onClick={() => run(disasterActions.switchOff, 'disaster.switchedOff')}
        >
          {t('disaster.switchOff')}
        </button>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            justSwitched.current = true;
            run(() => disasterActions.switchOn({ reason, counters: relabel }), 'disaster.switchedOn');
          }}
        >
          <label htmlFor={`${id}-reason`}>{t('disaster.reason')}</label>
          <input
            id={`${id}-reason`}
            required
            maxLength={200}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <fieldset>
            <legend>{t('disaster.relabel')}</legend>
            {counters.map((c) => (
              <label key={c.id} className="choice">
                <input
                  type="checkbox"
                  checked={relabel.includes(c.id)}
                  onChange={(e) =>
                    setRelabel(e.target.checked ? [...relabel, c.id] : relabel.filter((x) => x !== c.id))
                  }
                />
                {t('hall.counterName', { number: c.number, name: tl(c.name) })}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="primary danger">
            {t('disaster.switchOn')}
          </button>
        </form>
      )}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? undefined : 'form-error'}>
          {message.text}
        </p>
      )}
      <details onToggle={(e) => e.currentTarget.open && void disasterActions.log().then(setLog, () => {})}>
        <summary>{t('disaster.log')}</summary>
        {log && log.length === 0 && <p>{t('disaster.logNone')}</p>}
        {log && log.length > 0 && (
          <ul>
            {log.map((s) => (
              <li key={`${s.at}-${s.on}`}>
                {s.on
                  ? t('disaster.logOn', { when: formatWhen(s.at), by: s.by, reason: s.reason })
                  : t('disaster.logOff', { when: formatWhen(s.at), by: s.by })}
              </li>
            ))}
          </ul>
        )}
      </details>
    </section>
  );
}
