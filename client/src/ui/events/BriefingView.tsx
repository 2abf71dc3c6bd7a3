import { useEffect, useRef, useState } from 'react';
import { StageView } from './StageView.tsx';
import { AudioOnlyToggle } from './AudioOnlyToggle.tsx';
import { SlideUploader } from './SlideUploader.tsx';
import { selfOf, useBriefingStore } from '../../store/briefingStore.ts';
import { briefingActions } from '../../app/briefingActions.ts';
import { seatParams } from '../../app/seatName.ts';
import { useT } from '../../i18n/useT.ts';
import { HandsList } from './HandsList.tsx';
import { AttendeeList } from './AttendeeList.tsx';
import { QuestionList } from './QuestionList.tsx';
import { SpeakersLine } from './SpeakersLine.tsx';

/**
 * Inside a briefing: where you sit (or that you are in the overflow hall), who is speaking, raise a hand,
 * ask and vote on questions. Presenters and moderators also see the raised hands and the whole audience,
 * and moderate the questions.
 */
export function BriefingView() {
  const { t, tl } = useT();
  const event = useBriefingStore((s) => s.event);
  const me = useBriefingStore(selfOf);
  const { seated, overflow } = useBriefingStore((s) => s.counts);
  const [text, setText] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  if (!event) return null;
  const moderating = me?.role === 'presenter' || me?.role === 'moderator';

  return (
    <section className="briefing" aria-labelledby="briefing-heading">
      <h2 id="briefing-heading" ref={heading} tabIndex={-1}>
        {tl(event.title)}
      </h2>
      <p>
        {me?.overflow
          ? t('briefing.inOverflow')
          : me?.seat
            ? t('briefing.seated', seatParams(me.seat))
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
      <SpeakersLine />
      <StageView />
      <AudioOnlyToggle />
      {moderating && <SlideUploader eventId={event.id} />}
      {!moderating && (
        <button type="button" aria-pressed={!!me?.hand} onClick={() => briefingActions.raiseHand(!me?.hand)}>
          {me?.hand ? t('briefing.lowerHand') : t('briefing.raiseHand')}
        </button>
      )}
      {me?.speaking && <p>{t('briefing.youMaySpeak')}</p>}
      {moderating && (
        <>
          <HandsList />
          <AttendeeList />
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
      <QuestionList moderating={moderating} />
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
