import type { ReactNode } from 'react';
import type { GuideReply } from '../../store/guideStore.ts';
import { useCatalogStore } from '../../store/catalogStore.ts';
import { useQueueStore } from '../../store/queueStore.ts';
import { openPanel, openProcedure, takeMeToCounter } from '../../app/catalogActions.ts';
import { askGuide } from '../../app/guideActions.ts';
import { useT } from '../../i18n/useT.ts';
import { useRuby } from '../../i18n/Ruby.tsx';
import { useWhen } from '../../i18n/useWhen.ts';
import { localizedList } from '../../i18n/translate.ts';
import { INFO_DESK_ID } from '../../../../shared/layout/infoDeskCounter.ts';

/**
 * One answer of the guide with its next steps: take me there, open the procedure, start the life-event
 * checklist, book a consultation. Without an answer it says so, when counter staff can help, and offers
 * the questions it might have meant.
 */
export function GuideReplyView({ reply }: { reply: GuideReply }) {
  const { t, tl, lang } = useT();
  const { r } = useRuby();
  const counters = useCatalogStore((s) => s.counters);
  const lifeEvents = useCatalogStore((s) => s.lifeEvents);
  const procedures = reply.answer?.procedures ?? reply.procedures;
  const lifeEventIds = reply.answer?.lifeEventIds ?? reply.lifeEventIds;
  // The counters it names, then those serving its procedures: one "take me there" each.
  const counterIds = [
    ...new Set([
      ...(reply.answer?.counterIds ?? []),
      ...procedures.flatMap((p) => (p.counterId ? [p.counterId] : [])),
    ]),
  ].slice(0, 3);

  const steps: ReactNode[] = [];
  for (const id of counterIds) {
    const c = counters.find((x) => x.id === id);
    if (!c) continue;
    const name = t('hall.counterName', { number: c.number, name: tl(c.name) });
    steps.push(
      <li key={`go-${id}`}>
        <button type="button" onClick={() => takeMeToCounter(id, name)}>
          {t('desk.takeMeTo', { name })}
        </button>
        <button type="button" onClick={() => openPanel({ kind: 'counter', counterId: id })}>
          {t('desk.book', { name })}
        </button>
      </li>,
    );
  }
  for (const p of procedures) {
    steps.push(
      <li key={`proc-${p.id}`}>
        <button type="button" onClick={() => void openProcedure(p.id)}>
          {t('desk.openProcedure', { name: tl(p.name) })}
        </button>
      </li>,
    );
  }
  for (const id of lifeEventIds) {
    const e = lifeEvents.find((x) => x.id === id);
    if (!e) continue;
    steps.push(
      <li key={`life-${id}`}>
        <button type="button" onClick={() => openPanel({ kind: 'lifeEvents', lifeEventId: id })}>
          {t('desk.startChecklist', { name: tl(e.name) })}
        </button>
      </li>,
    );
  }

  return (
    <div className="guide-reply">
      {reply.answer ? (
        <p>{r(tl(reply.answer.text))}</p>
      ) : reply.answered ? (
        <p>{t('desk.found')}</p>
      ) : (
        <NoAnswer />
      )}
      {steps.length > 0 && (
        <ul className="desk-steps" aria-label={t('desk.nextSteps')}>
          {steps}
        </ul>
      )}
      {!reply.answer && (
        <ul className="desk-steps" aria-label={t('desk.nextSteps')}>
          <li>
            <button type="button" onClick={() => openPanel({ kind: 'lifeEvents' })}>
              {t('life.open')}
            </button>
          </li>
        </ul>
      )}
      {reply.related.length > 0 && (
        <div className="desk-related">
          <p>{t('desk.didYouMean')}</p>
          <ul>
            {reply.related.map((q) => {
              const question = localizedList(lang, q.questions)[0] ?? '';
              return (
                <li key={q.id}>
                  <button type="button" onClick={() => void askGuide(question)}>
                    {r(question)}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}

/** Nothing found: say so, and when a person at a counter can help (now, or when they are back). */
function NoAnswer() {
  const { t } = useT();
  const formatWhen = useWhen();
  const counters = useQueueStore((s) => s.counters);
  // Counter staff: the information desk's own staff are offered separately (AskStaffAtDesk).
  const infos = Object.entries(counters)
    .filter(([id]) => id !== INFO_DESK_ID)
    .map(([, c]) => c);
  const openNow = infos.some((c) => c.withinHours && c.status !== 'closed' && c.staffOnDuty > 0);
  const next = infos
    .map((c) => c.opensAt)
    .filter((at) => at !== '')
    .sort()[0];
  return (
    <>
      <p>{t('desk.noAnswer')}</p>
      <p>
        {openNow
          ? t('desk.staffNow')
          : next
            ? t('desk.staffBack', { when: formatWhen(next) })
            : t('desk.staffLater')}
      </p>
    </>
  );
}
