import { useEffect, useId, useState } from 'react';
import type { CallUpTally, CallUpView, TallyRow } from '../../../../shared/protocol/callups.ts';
import { can } from '../../../../shared/auth/roles.ts';
import { callUpActions } from '../../app/callUpActions.ts';
import { refusalReason } from '../../app/refusals.ts';
import { useQueueStore } from '../../store/queueStore.ts';
import { useCatalogStore } from '../../store/catalogStore.ts';
import { useT } from '../../i18n/useT.ts';

/** How often the admin's tally is read again while a call-up is open: answers come in by the minute. */
const TALLY_MS = 3000;

/** Admins: call staff in (everyone or one department), follow the answers live, export them, close. */
export function CallUpControl() {
  const { t, tl } = useT();
  const staff = useQueueStore((s) => s.staff);
  const counters = useCatalogStore((s) => s.counters);
  const [message, setMessage] = useState('');
  const [department, setDepartment] = useState('');
  const [list, setList] = useState<CallUpView[]>([]);
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(null);
  const id = useId();
  const allowed = !!staff && can(staff.role, 'callUpStaff');
  const refresh = () => void callUpActions.list().then(setList, () => {});
  useEffect(() => {
    if (allowed) refresh();
  }, [allowed]);
  if (!allowed) return null;

  const departments = [...new Map(counters.flatMap((c) => c.departments).map((d) => [d.id, d])).values()];
  const departmentName = (dep: string | null) =>
    dep === null ? t('callup.noDepartment') : tl(departments.find((d) => d.id === dep)?.name ?? { ja: dep });
  const open = list.filter((c) => !c.closedAt);

  return (
    <section className="callup-control" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('callup.control')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setFeedback(null);
          callUpActions.send({ message, department: department || null }).then(
            () => {
              setMessage('');
              setFeedback({ ok: true, text: t('callup.sent') });
              refresh();
            },
            (err: unknown) =>
              setFeedback({ ok: false, text: t('callup.failed', { reason: refusalReason(err) }) }),
          );
        }}
      >
        <label htmlFor={`${id}-message`}>{t('callup.message')}</label>
        <textarea
          id={`${id}-message`}
          required
          maxLength={300}
          rows={2}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
        <label htmlFor={`${id}-department`}>{t('callup.to')}</label>
        <select id={`${id}-department`} value={department} onChange={(e) => setDepartment(e.target.value)}>
          <option value="">{t('callup.everyone')}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {tl(d.name)}
            </option>
          ))}
        </select>
        <button type="submit" className="primary danger">
          {t('callup.sendCallUp')}
        </button>
        {feedback && (
          <p role={feedback.ok ? 'status' : 'alert'} className={feedback.ok ? undefined : 'form-error'}>
            {feedback.text}
          </p>
        )}
      </form>
      {open.map((c) => (
        <LiveTally key={c.id} callUp={c} departmentName={departmentName} onClosed={refresh} />
      ))}
    </section>
  );
}

function LiveTally({
  callUp,
  departmentName,
  onClosed,
}: {
  callUp: CallUpView;
  departmentName: (dep: string | null) => string;
  onClosed: () => void;
}) {
  const { t } = useT();
  const [tally, setTally] = useState<CallUpTally | null>(null);
  useEffect(() => {
    const load = () => void callUpActions.tally(callUp.id).then(setTally, () => {});
    load();
    const timer = setInterval(load, TALLY_MS);
    return () => clearInterval(timer);
  }, [callUp.id]);
  const row = (r: TallyRow, label: string) => (
    <tr key={label}>
      <th scope="row">{label}</th>
      <td>{r.addressed}</td>
      <td>{r.coming}</td>
      <td>{r.cannotCome}</td>
      <td>{r.needHelp}</td>
      <td>{r.noAnswer}</td>
    </tr>
  );
  return (
    <div className="callup-tally">
      <p>
        <strong>{callUp.message}</strong>
      </p>
      {tally && (
        <table className="queue-table">
          <caption>
            {t('callup.tallyCaption', {
              to: callUp.department ? departmentName(callUp.department) : t('callup.everyone'),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('callup.colDepartment')}</th>
              <th scope="col">{t('callup.colAddressed')}</th>
              <th scope="col">{t('callup.choice.coming')}</th>
              <th scope="col">{t('callup.choice.cannotCome')}</th>
              <th scope="col">{t('callup.choice.needHelp')}</th>
              <th scope="col">{t('callup.colNoAnswer')}</th>
            </tr>
          </thead>
          <tbody>
            {row(tally.total, t('callup.total'))}
            {tally.byDepartment.map((r) => row(r, departmentName(r.department)))}
          </tbody>
        </table>
      )}
      <a
        href={callUpActions.exportUrl(callUp.id)}
        download
        aria-label={t('callup.exportOf', { message: callUp.message })}
      >
        {t('callup.export')}
      </a>{' '}
      <button
        type="button"
        aria-label={t('callup.closeOf', { message: callUp.message })}
        onClick={() => void callUpActions.close(callUp.id).then(onClosed, () => {})}
      >
        {t('callup.close')}
      </button>
    </div>
  );
}
