import { useEffect, useRef, useState } from 'react';
import { StageView } from './StageView.tsx';
import { SlideUploader } from './SlideUploader.tsx';
import { useBriefingStore } from '../../store/briefingStore.ts';
import { briefingActions } from '../../app/briefingActions.ts';
import { useT } from '../../i18n/useT.ts';

/**
 * Inside a briefing: where you sit (or that you are in the overflow hall), raise a hand, ask and vote on
 * questions. Presenters and moderators also see the raised hands and moderate the questions.
 */
export function BriefingView() {
  const { t, tl } = useT();
  const b = useBriefingStore();
  const [text, setText] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  if (!b.event) return null;
  const me = b.people.find((p) => p.id === b.selfId);
  const moderating = me?.role === 'presenter' || me?.role === 'moderator';
  const hands = b.people.filter((p) => p.hand || p.speaking);
  const seated = b.people.filter((p) => p.seat).length;
  const overflow = b.people.filter((p) => p.overflow).length;

  return (
    <section className="briefing" aria-labelledby="briefing-heading">
      <h2 id="briefing-heading" ref={heading} tabIndex={-1}>
        {tl(b.event.title)}
      </h2>
      <p>
        {me?.overflow
          ? t('briefing.inOverflow')
          : me?.seat
            ? t('briefing.seated', { seat: me.seat })
            : me &&
              t(
                me.role === 'presenter'
                  ? 'briefing.role.presenter'
                  : me.role === 'moderator'
                    ? 'briefing.role.moderator'
                    : me.role === 'interpreter'
                      ? 'briefing.role.interpreter'
                      : me.role === 'captioner'
                        ? 'briefing.role.captioner'
                        : 'briefing.role.attendee',
              )}
      </p>
      <p className="muted">{t('briefing.counts', { seated, overflow })}</p>
      <StageView />
      {moderating && <SlideUploader eventId={b.event.id} />}
      {!moderating && (
        <button type="button" aria-pressed={!!me?.hand} onClick={() => briefingActions.raiseHand(!me?.hand)}>
          {me?.hand ? t('briefing.lowerHand') : t('briefing.raiseHand')}
        </button>
      )}
      {me?.speaking && <p>{t('briefing.youMaySpeak')}</p>}
      {moderating && (
        <>
          <h3>{t('briefing.hands')}</h3>
          {hands.length === 0 && <p className="muted">{t('briefing.noHands')}</p>}
          <ul>
            {hands.map((p) => (
              <li key={p.id}>
                {p.nickname} {p.speaking && <span className="muted">{t('briefing.speaking')}</span>}
                <button type="button" onClick={() => briefingActions.lowerHand(p.id)}>
                  {t('briefing.lowerHandOf', { name: p.nickname })}
                </button>
                {p.speaking ? (
                  <button type="button" onClick={() => briefingActions.stopSpeaking(p.id)}>
                    {t('briefing.stopSpeakingOf', { name: p.nickname })}
                  </button>
                ) : (
                  <button type="button" onClick={() => briefingActions.invite(p.id)}>
                    {t('briefing.inviteOf', { name: p.nickname })}
                  </button>
                )}
                <button type="button" onClick={() => briefingActions.remove(p.id)}>
                  {t('briefing.removeOf', { name: p.nickname })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 id="questions-heading">{t('briefing.questions')}</h3>
      <form
        className="chat-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim()) return;
          briefingActions.ask(text.trim());
          setText('');
        }}
      >
        <label htmlFor="question-input">{t('briefing.ask')}</label>
        <textarea
          id="question-input"
          rows={2}
          maxLength={300}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="primary">
          {t('briefing.send')}
        </button>
      </form>
      <ol className="questions" aria-labelledby="questions-heading">
        {b.questions.map((q) => (
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
                </>
              )}
            </div>
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() => {
          briefingActions.leave();
          // The briefing view goes away; keyboard focus lands on the list of briefings instead of the page.
          setTimeout(() => document.getElementById('events-heading')?.focus(), 0);
        }}
      >
        {t('briefing.leave')}
      </button>
    </section>
  );
}
