import { useDeskTitle } from './useDeskTitle.ts';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../store/appStore.ts';
import { useQueueStore } from '../../store/queueStore.ts';
import { useCatalogStore } from '../../store/catalogStore.ts';
import { queueActions } from '../../app/queueActions.ts';
import { useT } from '../../i18n/useT.ts';
import { MediaPanel } from './MediaPanel.tsx';
import { RecordForm } from './RecordForm.tsx';
import { RatingForm } from './RatingForm.tsx';
import { mediaActions } from '../../app/mediaActions.ts';
import { fetchProcedure, openPanel } from '../../app/catalogActions.ts';

// Like the hall, the 3D room loads only where 3D is shown.
const ConsultationScene = lazy(() =>
  import('../../scene/ConsultationScene.tsx').then((m) => ({ default: m.ConsultationScene })),
);

/**
 * The private consultation room, a space of its own: who is here and the chat. Shown instead of the
 * hall in both views; video comes later. Focus moves to the heading when the room opens.
 */
export function ConsultationView() {
  const { t, tl } = useT();
  const c = useQueueStore((s) => s.consultation);
  const deskTitle = useDeskTitle();
  const [text, setText] = useState('');
  const show3d = useAppStore((s) => s.viewMode === '3d' && s.webglAvailable);
  const isStaff = useQueueStore((s) => s.staff !== null);
  // The ticket being handled (staff) — kept once the consultation ends, so notes can still be written.
  const handled = useQueueStore((s) => s.staffQueue?.current?.id ?? null);
  const [recordTicket, setRecordTicket] = useState<number | null>(null);
  useEffect(() => {
    if (handled !== null) setRecordTicket(handled);
  }, [handled]);
  const heading = useRef<HTMLHeadingElement>(null);
  const log = useRef<HTMLDivElement>(null);
  const procedures = useCatalogStore((s) => s.procedures);
  const shared = c?.lines.map((l) => l.procedureId).join(' ') ?? '';
  useEffect(() => {
    for (const id of shared.split(' ')) if (id) fetchProcedure(id);
  }, [shared]);

  useEffect(() => {
    // The counter's panel (queue, booking, "take me there") has done its job: the room takes over.
    openPanel(null);
    heading.current?.focus();
  }, []);
  useEffect(() => {
    // Scroll the log itself, not the page: the heading and the room stay where they are.
    if (log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [c?.lines.length]);

  if (!c) return null;
  const counterName = deskTitle(c.counterId);
  return (
    <section className="consultation" aria-labelledby="consult-heading">
      <h2 id="consult-heading" ref={heading} tabIndex={-1}>
        {t('consult.heading', { counter: counterName, number: c.ticketNumber })}
      </h2>
      <p className="muted">{t('consult.private')}</p>
      {show3d && (
        <Suspense fallback={null}>
          <ConsultationScene />
        </Suspense>
      )}
      {!c.ended && <MediaPanel />}
      <h3>{t('consult.participants')}</h3>
      <ul className="participants">
        {c.participants.map((p) => (
          <li key={p.id}>
            <span className={`role-badge role-${p.role}`}>
              {t(p.role === 'staff' ? 'role.staff' : 'role.resident')}
            </span>{' '}
            {p.nickname}
            {!p.connected && <span className="muted"> {t('people.away')}</span>}
          </li>
        ))}
      </ul>
      <h3 id="chat-heading">{t('consult.chat')}</h3>
      {/* The live region wraps the list: role="log" on the <ol> itself would take away its list semantics. */}
      <div className="chat-log" role="log" aria-labelledby="chat-heading" ref={log}>
        <ol className="chat-lines">
          {c.lines.length === 0 && <li className="muted">{t('consult.noMessages')}</li>}
          {c.lines.map((l, i) => (
            <li key={i} className={`chat-line from-${l.role}`}>
              {/* Lines handed over from the information desk's guide carry no nickname. */}
              <span className="chat-from">
                {l.role === 'guide' ? t('desk.autoGuide') : l.nickname || t('role.resident')}
              </span>
              <span className="chat-text">
                {(l.procedureId && procedures[l.procedureId] && tl(procedures[l.procedureId]!.name)) ||
                  (l.procedureId ? tl({ ja: l.text }) : l.text)}
              </span>
              {l.url && (
                <a href={l.url} target="_blank" rel="noopener noreferrer">
                  {t('consult.openLink')}
                </a>
              )}
            </li>
          ))}
        </ol>
      </div>
      {c.ended ? (
        <div className="consult-ended" role="status">
          <p>
            {t(
              c.ended === 'transferred'
                ? 'consult.endedReason.transferred'
                : c.ended === 'left'
                  ? isStaff
                    ? 'consult.endedReason.leftStaff'
                    : 'consult.endedReason.left'
                  : isStaff
                    ? 'consult.endedReason.doneStaff'
                    : 'consult.endedReason.done',
            )}
          </p>
          {!isStaff && <RatingForm />}
          <button type="button" className="primary" onClick={queueActions.backToHall}>
            {t('consult.backToHall')}
          </button>
        </div>
      ) : (
        <form
          className="chat-form"
          onSubmit={(e) => {
            e.preventDefault();
            const msg = text.trim();
            if (!msg) return;
            queueActions.chat(msg);
            setText('');
          }}
        >
          <label htmlFor="chat-input">{t('consult.message')}</label>
          <textarea
            id="chat-input"
            value={text}
            maxLength={1000}
            rows={2}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="primary">
            {t('consult.send')}
          </button>
          <button type="button" onClick={mediaActions.end}>
            {t('consult.end')}
          </button>
        </form>
      )}
      {isStaff && recordTicket !== null && <RecordForm ticketId={recordTicket} />}
    </section>
  );
}
