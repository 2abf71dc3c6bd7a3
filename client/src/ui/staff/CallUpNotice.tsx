import { useEffect, useId, useRef, useState } from 'react';
import type { CallUpStatus, MyCallUp } from '../../../../shared/protocol/callups.ts';
import { callUpActions } from '../../app/callUpActions.ts';
import { refusalReason } from '../../app/refusals.ts';
import { useQueueStore } from '../../store/queueStore.ts';
import { useT } from '../../i18n/useT.ts';
import { useWhen } from '../../i18n/useWhen.ts';

/** How often an open staff console looks for a call-up (and a signed-in one finds it at once). */
const POLL_MS = 5000;
const STATUSES: CallUpStatus[] = ['coming', 'cannotCome', 'needHelp'];

/** Every staff member: a call-up that reaches them, first in the console, and their answer. */
export function CallUpNotice() {
  const staff = useQueueStore((s) => s.staff);
  const [open, setOpen] = useState<MyCallUp[]>([]);
  useEffect(() => {
    if (!staff) return;
    const load = () => void callUpActions.mine().then(setOpen, () => {});
    load();
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, [staff]);
  if (!staff || open.length === 0) return null;
  return (
    <>
      {open.map((c) => (
        <CallUpCard
          key={c.id}
          callUp={c}
          onAnswered={() => void callUpActions.mine().then(setOpen, () => {})}
        />
      ))}
    </>
  );
}

function CallUpCard({ callUp, onAnswered }: { callUp: MyCallUp; onAnswered: () => void }) {
  const { t } = useT();
  const formatWhen = useWhen();
  const [status, setStatus] = useState<CallUpStatus | null>(callUp.answer?.status ?? null);
  const [minutes, setMinutes] = useState(String(callUp.answer?.minutes ?? ''));
  const [error, setError] = useState('');
  const [editing, setEditing] = useState(callUp.answer === null);
  const id = useId();
  const answer = callUp.answer;
  // The form goes once answered: the keyboard lands on the answer, not on the page's start.
  const statusRef = useRef<HTMLParagraphElement>(null);
  const justAnswered = useRef(false);
  useEffect(() => {
    if (!editing && justAnswered.current) statusRef.current?.focus();
    justAnswered.current = false;
  }, [editing]);
  return (
    <section className="callup-card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('callup.heading')}</h2>
      {/* Read out when it appears: a call-up must not be missed. */}
      <p role="alert">{callUp.message}</p>
      <p className="muted">
        {t('callup.from', { by: callUp.createdBy, when: formatWhen(callUp.createdAt) })}
      </p>
      {!editing && answer ? (
        <p role="status" tabIndex={-1} ref={statusRef}>
          {t('callup.answered', {
            answer: t(`callup.status.${answer.status}`, { minutes: answer.minutes ?? 0 }),
          })}{' '}
          <button type="button" onClick={() => setEditing(true)}>
            {t('callup.change')}
          </button>
        </p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!status) return setError(t('callup.choose'));
            const m = status === 'coming' ? Number(minutes) : null;
            if (status === 'coming' && (minutes === '' || !Number.isInteger(m) || m! < 0)) {
              return setError(t('callup.minutesNeeded'));
            }
            setError('');
            callUpActions.answer(callUp.id, status, m).then(
              () => {
                justAnswered.current = true;
                setEditing(false);
                onAnswered();
              },
              (err: unknown) => setError(t('callup.failed', { reason: refusalReason(err) })),
            );
          }}
        >
          <fieldset>
            <legend>{t('callup.question')}</legend>
            {STATUSES.map((s) => (
              <label key={s} className="choice">
                <input
                  type="radio"
                  name={`${id}-status`}
                  checked={status === s}
                  onChange={() => setStatus(s)}
                />
                {t(`callup.choice.${s}`)}
              </label>
            ))}
          </fieldset>
          {status === 'coming' && (
            <p>
              <label htmlFor={`${id}-minutes`}>{t('callup.minutes')}</label>
              <input
                id={`${id}-minutes`}
                type="number"
                min={0}
                max={1440}
                value={minutes}
                onChange={(e) => setMinutes(e.target.value)}
              />
            </p>
          )}
          <button type="submit" className="primary">
            {t('callup.send')}
          </button>
          {error && (
            <p role="alert" className="form-error">
              {error}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
