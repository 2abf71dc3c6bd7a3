import { useId, useState, type FormEvent } from 'react';
import { useCatalogStore } from '../../store/catalogStore.ts';
import { makeChecklist } from '../../app/catalogActions.ts';
import { useT } from '../../i18n/useT.ts';
import { useRuby } from '../../i18n/Ruby.tsx';

/** "What brings you here?": pick a life event, answer at most three yes/no questions, get one checklist. */
export function LifeEventForm({ initialEventId = null }: { initialEventId?: string | null }) {
  const { t, tl } = useT();
  const { r } = useRuby();
  const events = useCatalogStore((s) => s.lifeEvents);
  const [eventId, setEventId] = useState<string | null>(initialEventId);
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const [problem, setProblem] = useState(false);
  const name = useId();
  const event = events.find((e) => e.id === eventId);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!event) return;
    if (event.questions.some((q) => !(q.id in answers))) return setProblem(true);
    setProblem(false);
    void makeChecklist(event.id, answers);
  };

  return (
    <form className="life-event-form" onSubmit={submit}>
      <h2 tabIndex={-1}>{t('life.heading')}</h2>
      <fieldset>
        <legend>{t('life.choose')}</legend>
        <div className="life-events">
          {events.map((ev) => (
            <label key={ev.id} className="choice">
              <input
                type="radio"
                name={`${name}-event`}
                checked={ev.id === eventId}
                onChange={() => {
                  setEventId(ev.id);
                  setAnswers({});
                }}
              />
              <span>
                <strong>{r(tl(ev.name))}</strong>
                <span className="muted">{r(tl(ev.description))}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {event && event.questions.length > 0 && (
        <fieldset>
          <legend>{t('life.questions')}</legend>
          {event.questions.map((q) => (
            <fieldset key={q.id} className="question">
              <legend>{tl(q.text)}</legend>
              {[true, false].map((v) => (
                <label key={String(v)} className="choice inline">
                  <input
                    type="radio"
                    name={`${name}-${q.id}`}
                    checked={answers[q.id] === v}
                    onChange={() => setAnswers((a) => ({ ...a, [q.id]: v }))}
                  />
                  {v ? t('life.yes') : t('life.no')}
                </label>
              ))}
            </fieldset>
          ))}
        </fieldset>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {t('life.answerAll')}
        </p>
      )}
      <button type="submit" className="primary" disabled={!event}>
        {t('life.make')}
      </button>
    </form>
  );
}
