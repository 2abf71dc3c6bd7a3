import { useDeskTitle } from '../queue/useDeskTitle.ts';
import { INFO_DESK_ID } from '../../../../shared/layout/infoDeskCounter.ts';
import { useMemo, useState } from 'react';
import { ResidentLanguage } from './ResidentLanguage.tsx';
import { COUNTER_STATUSES } from './counterStatuses.ts';
import { useQueueStore } from '../../store/queueStore.ts';
import { useCatalogStore } from '../../store/catalogStore.ts';
import { useHallStore } from '../../store/hallStore.ts';
import { queueActions } from '../../app/queueActions.ts';
import { leave } from '../../app/hallSession.ts';
import { useT } from '../../i18n/useT.ts';
import { can } from '../../../../shared/auth/roles.ts';
import type { QueueEntry } from '../../../../shared/protocol/index.ts';
import { CounterStatusLine } from '../queue/CounterStatusLine.tsx';
import { MyRecords } from './MyRecords.tsx';
import { UnansweredQuestions } from './UnansweredQuestions.tsx';
import { CallUpNotice } from './CallUpNotice.tsx';
import { SlotPublisher } from './SlotPublisher.tsx';
import { EventCreator } from '../events/EventCreator.tsx';

/** The staff console: take a counter, set its status, see its queue, call, finish, no-show, transfer. */
export function StaffConsole() {
  const { t, tl } = useT();
  const staff = useQueueStore((s) => s.staff);
  const q = useQueueStore((s) => s.staffQueue);
  const counters = useCatalogStore((s) => s.counters);
  const procedures = useMemo(() => counters.flatMap((c) => c.procedures), [counters]);
  const selfId = useHallStore((s) => s.selfId);
  const myCounter = useHallStore((s) => (selfId ? s.people[selfId]?.counterId : '')) ?? '';
  const status = useQueueStore((s) => (myCounter ? s.counters[myCounter]?.status : undefined));
  // The consultation just finished (ended in its room or with "done"): its record may still be open.
  const finished = useQueueStore((s) => (s.consultation?.ended ? s.consultation.ticketNumber : null));
  const residentLeft = useQueueStore((s) => s.consultation?.ended === 'left');
  const [pick, setPick] = useState('');
  const [transferTo, setTransferTo] = useState('');
  const [note, setNote] = useState('');
  const deskTitle = useDeskTitle();
  if (!staff) return null;
  // Hosts run briefings, not counters; guides the information desk only (the server refuses the rest too).
  const worksCounters = can(staff.role, 'workCounter');
  const worksInfoDesk = can(staff.role, 'workInfoDesk');
  const nameOf = deskTitle;
  const canTake = [
    ...(worksInfoDesk ? [INFO_DESK_ID] : []),
    ...(worksCounters ? counters.map((c) => c.id) : []),
  ];
  const topic = (e: QueueEntry) => {
    const p = procedures.find((x) => x.id === e.procedureId);
    return p ? tl(p.name) : t('queue.topicAny');
  };
  const minutes = (since: number) => Math.max(0, Math.round((Date.now() - since) / 60_000));
  const current = q?.current ?? null;

  return (
    <section className="staff-console" aria-labelledby="staff-heading">
      <h2 id="staff-heading">{t('staff.console')}</h2>
      <CallUpNotice />
      <p>
        {staff.displayName} <span className="muted">({t(`role.${staff.role}`)})</span>
        {/* A new tab: the hall (and a counter being worked) stays open in this one. */}
        {can(staff.role, 'manageStaff') && (
          <>
            {' · '}
            <a href="/admin" target="_blank" rel="noopener">
              {t('staff.adminConsole')}
            </a>
          </>
        )}
      </p>
      {canTake.length === 0 ? null : !myCounter ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (pick) queueActions.takeCounter(pick);
          }}
        >
          <label htmlFor="staff-counter">{t('staff.chooseCounter')}</label>
          <select id="staff-counter" value={pick} onChange={(e) => setPick(e.target.value)}>
            <option value="">—</option>
            {canTake.map((id) => (
              <option key={id} value={id}>
                {nameOf(id)}
              </option>
            ))}
          </select>
          <button type="submit" className="primary">
            {t('staff.takeCounter')}
          </button>
        </form>
      ) : (
        <>
          <h3>{nameOf(myCounter)}</h3>
          <p>
            <CounterStatusLine counterId={myCounter} />
          </p>
          <fieldset className="status-choice">
            <legend>{t('staff.setStatus')}</legend>
            {COUNTER_STATUSES.map((s) => (
              <button
                key={s}
                type="button"
                aria-pressed={status === s}
                onClick={() => queueActions.setStatus(s)}
              >
                {t(`counter.status.${s}`)}
              </button>
            ))}
          </fieldset>
          {current ? (
            <div className="current-ticket">
              <h3>{t('staff.current', { number: current.number })}</h3>
              <p role="status">
                {topic(current)}
                <ResidentLanguage lang={current.lang} /> ·{' '}
                {t(
                  current.status === 'called'
                    ? 'staff.calledWaiting'
                    : residentLeft
                      ? 'staff.residentLeft'
                      : 'staff.serving',
                )}
              </p>
              {current.transferNote && (
                <p className="muted">{t('staff.note', { note: current.transferNote })}</p>
              )}
              <div className="ticket-actions">
                <button type="button" className="primary" onClick={() => queueActions.markDone(current.id)}>
                  {t('staff.done')}
                </button>
                {current.status === 'called' && (
                  <button type="button" onClick={() => queueActions.markNoShow(current.id)}>
                    {t('staff.noShow')}
                  </button>
                )}
              </div>
              <form
                className="transfer-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (!transferTo) return;
                  queueActions.transfer(current.id, transferTo, note);
                  setNote('');
                  setTransferTo('');
                }}
              >
                <label htmlFor="transfer-to">{t('staff.transferTo')}</label>
                <select id="transfer-to" value={transferTo} onChange={(e) => setTransferTo(e.target.value)}>
                  <option value="">—</option>
                  {counters
                    .filter((c) => c.id !== myCounter)
                    .map((c) => (
                      <option key={c.id} value={c.id}>
                        {nameOf(c.id)}
                      </option>
                    ))}
                </select>
                <label htmlFor="transfer-note">{t('staff.transferNote')}</label>
                <input
                  id="transfer-note"
                  value={note}
                  maxLength={200}
                  onChange={(e) => setNote(e.target.value)}
                />
                <button type="submit">{t('staff.transfer')}</button>
              </form>
            </div>
          ) : (
            <>
              {finished !== null && (
                <p className="muted" role="status">
                  {t('staff.lastFinished', { number: finished })}
                </p>
              )}
              <button type="button" className="primary" onClick={queueActions.callNext}>
                {t('staff.callNext')}
              </button>
            </>
          )}
          <table className="queue-table">
            <caption>
              {t('staff.queueCaption', {
                count: q?.entries.filter((e) => e.status === 'waiting').length ?? 0,
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.colNumber')}</th>
                <th scope="col">{t('staff.colTopic')}</th>
                <th scope="col">{t('staff.colWaiting')}</th>
              </tr>
            </thead>
            <tbody>
              {(q?.entries ?? [])
                .filter((e) => e.status === 'waiting')
                .map((e) => (
                  <tr key={e.id}>
                    <td>
                      {e.number}
                      {e.booked && <span className="muted"> {t('staff.booked')}</span>}
                      <ResidentLanguage lang={e.lang} />
                      {e.transferFrom && (
                        <span className="muted">
                          {' '}
                          {t('staff.fromCounter', { counter: nameOf(e.transferFrom) })}
                        </span>
                      )}
                      {!e.residentPresent && <span className="muted"> {t('people.away')}</span>}
                    </td>
                    <td>{topic(e)}</td>
                    <td>{t('staff.minutes', { minutes: minutes(e.waitingSince) })}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          {myCounter !== INFO_DESK_ID && <SlotPublisher counterId={myCounter} />}
          {!current && (
            <button type="button" onClick={queueActions.leaveCounter}>
              {t('staff.leaveCounter')}
            </button>
          )}
        </>
      )}
      <EventCreator />
      <MyRecords />
      <UnansweredQuestions />
      <button
        type="button"
        onClick={() => {
          void queueActions.signOut();
          leave();
        }}
      >
        {t('staff.signOut')}
      </button>
    </section>
  );
}
