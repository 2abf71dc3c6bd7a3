import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { askGuide } from '../../app/guideActions.ts';
import { DESK_QUESTION_ID, useGuideStore } from '../../store/guideStore.ts';
import { useT } from '../../i18n/useT.ts';
import { useRuby } from '../../i18n/Ruby.tsx';
import { localizedList } from '../../i18n/translate.ts';
import { GuideReplyView } from './GuideReplyView.tsx';
import { AskStaffAtDesk } from './AskStaffAtDesk.tsx';
import { useDisasterStore } from '../../store/disasterStore.ts';
import { showDisasterInfo } from '../disaster/DisasterBanner.tsx';

/** How many of the sheet's questions are offered to pick; the rest are found by typing. */
const PICKS = 8;

/**
 * The information desk (総合案内): a resident types or picks a question in their language and the guide
 * answers from the FAQ sheet and the catalogue, each answer with its next steps. The conversation is a
 * log that screen readers read as it grows; focus stays in the question box for the next question.
 */
export function InfoDeskGuide() {
  const { t, lang } = useT();
  const { r, rt } = useRuby();
  const turns = useGuideStore((s) => s.turns);
  const questions = useGuideStore((s) => s.questions);
  const asking = useGuideStore((s) => s.asking);
  const disasterOn = useDisasterStore((s) => s.view.on);
  const [text, setText] = useState('');
  const inputId = DESK_QUESTION_ID;
  const hintId = useId();
  const log = useRef<HTMLDivElement>(null);

  // The latest question at the top of the log, its answer under it; only the log scrolls, never the page.
  useEffect(() => {
    const box = log.current;
    const asked = box?.querySelectorAll<HTMLElement>('.from-resident');
    const last = asked?.[asked.length - 1];
    if (box && last) box.scrollTop = last.offsetTop;
  }, [turns.length]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim().length === 0) return;
    void askGuide(text);
    setText('');
  };

  return (
    <div className="info-desk">
      <h2 tabIndex={-1}>{t('desk.heading')}</h2>
      {/* The live region wraps the list: role="log" on the <ol> itself would take away its list semantics. */}
      <div className="desk-log" role="log" aria-label={t('desk.log')} ref={log}>
        <ol>
          <li className="desk-turn from-guide">
            <span className="desk-speaker">{t('desk.guide')}</span>
            <p>{rt('desk.welcome')}</p>
            {disasterOn && (
              <p>
                <strong>{t('disaster.deskFirst')}</strong>{' '}
                <button type="button" onClick={showDisasterInfo}>
                  {t('disaster.showInfo')}
                </button>
              </p>
            )}
          </li>
          {turns.map((turn) =>
            turn.kind === 'question' ? (
              <li key={turn.id} className="desk-turn from-resident">
                <span className="desk-speaker">{t('desk.you')}</span>
                <p>{turn.text}</p>
              </li>
            ) : (
              <li key={turn.id} className="desk-turn from-guide">
                <span className="desk-speaker">{t('desk.guide')}</span>
                {turn.kind === 'reply' ? (
                  <GuideReplyView reply={turn.reply} />
                ) : (
                  <p className="form-error">
                    {turn.reason === 'rateLimited'
                      ? t('desk.rateLimited')
                      : turn.reason === 'badQuestion'
                        ? t('desk.badQuestion')
                        : t('desk.unreachable')}
                  </p>
                )}
              </li>
            ),
          )}
        </ol>
      </div>
      <form className="desk-ask" onSubmit={submit}>
        <label htmlFor={inputId}>{t('desk.question')}</label>
        <input
          id={inputId}
          type="text"
          value={text}
          maxLength={200}
          autoComplete="off"
          aria-describedby={hintId}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" disabled={asking}>
          {asking ? t('desk.asking') : t('desk.ask')}
        </button>
        <span id={hintId} className="hint">
          {t('desk.hint')}
        </span>
      </form>
      <AskStaffAtDesk />
      {questions.length > 0 && (
        <section className="desk-picks" aria-label={t('desk.picks')}>
          <h3>{t('desk.picks')}</h3>
          <ul>
            {questions.slice(0, PICKS).map((q) => {
              const question = localizedList(lang, q.questions)[0] ?? '';
              return (
                <li key={q.id}>
                  <button type="button" aria-disabled={asking} onClick={() => void askGuide(question)}>
                    {r(question)}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}
