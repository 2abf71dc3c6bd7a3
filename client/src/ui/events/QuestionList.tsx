import { useEffect } from 'react';
import { useBriefingStore } from '../../store/briefingStore.ts';
import { briefingActions } from '../../app/briefingActions.ts';
import { QUESTION_VIEW } from '../../../../shared/protocol/index.ts';
import { useT } from '../../i18n/useT.ts';
import { RemoveButton } from './RemoveButton.tsx';

/**
 * The questions this person receives, in display order. Moderators receive them all and may remove an
 * author; an attendee receives one page (the top ones first), the newest few and their own, and can turn
 * the page when there are more.
 */
export function QuestionList({ moderating }: { moderating: boolean }) {
  const { t } = useT();
  const questions = useBriefingStore((s) => s.questions);
  const count = useBriefingStore((s) => s.questionCount);
  const page = useBriefingStore((s) => s.questionPage);
  const paged = !moderating && count > QUESTION_VIEW.page;
  const from = page * QUESTION_VIEW.page;
  // Questions hidden meanwhile can leave the page past the end: go to the last one there is.
  useEffect(() => {
    if (page > 0 && from >= count)
      briefingActions.questionPage(Math.max(0, Math.ceil(count / QUESTION_VIEW.page) - 1));
  }, [page, from, count]);
  return (
    <>
      <ol className="questions" aria-labelledby="questions-heading">
        {questions.map((q) => (
          <li key={q.id} className={q.pinned ? 'pinned' : undefined}>
            {q.pinned && <span className="role-badge">{t('briefing.pinned')}</span>} {q.text}{' '}
            <span className="muted">
              — {q.author} · {t('briefing.votes', { count: q.votes })}
              {q.answered && ` · ${t('briefing.answered')}`}
            </span>
            <div className="ticket-actions">
              <button
                type="button"
                onClick={() => briefingActions.vote(q.id)}
                aria-label={t('briefing.voteFor', { text: q.text })}
              >
                {t('briefing.vote')}
              </button>
              {moderating && (
                <>
                  <button type="button" onClick={() => briefingActions.pin(q.id, !q.pinned)}>
                    {q.pinned ? t('briefing.unpin') : t('briefing.pin')}
                  </button>
                  <button type="button" onClick={() => briefingActions.answered(q.id)}>
                    {t('briefing.markAnswered')}
                  </button>
                  <button type="button" onClick={() => briefingActions.hide(q.id)}>
                    {t('briefing.hide')}
                  </button>
                  <RemoveButton name={q.author} onRemove={() => briefingActions.removeAuthor(q.id)} />
                </>
              )}
            </div>
          </li>
        ))}
      </ol>
      {paged && (
        <>
          <p className="muted" aria-live="polite">
            {t('briefing.questionsShown', {
              from: from + 1,
              to: Math.min(count, from + QUESTION_VIEW.page),
              total: count,
            })}
          </p>
          <div className="ticket-actions">
            <button
              type="button"
              disabled={page === 0}
              onClick={() => briefingActions.questionPage(page - 1)}
            >
              {t('briefing.questionsPrevious')}
            </button>
            <button
              type="button"
              disabled={from + QUESTION_VIEW.page >= count}
              onClick={() => briefingActions.questionPage(page + 1)}
            >
              {t('briefing.questionsNext')}
            </button>
          </div>
        </>
      )}
    </>
  );
}
