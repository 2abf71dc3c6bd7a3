import { useLayoutEffect, useRef, useState } from 'react';
import { selfOf, useBriefingStore } from '../../store/briefingStore.ts';
import { briefingActions } from '../../app/briefingActions.ts';
import { useT } from '../../i18n/useT.ts';
import { CAPTION_LIMITS } from '../../../../shared/protocol/index.ts';

/**
 * Captions under the stage (要約筆記): the latest line large, every line in a history that can be
 * scrolled back (and is read out by screen readers as a log); the captioner types them here. The same
 * in the 3D and 2D views: the briefing is always DOM.
 */
export function Captions() {
  const { t } = useT();
  const captions = useBriefingStore((s) => s.captions);
  const captioning = useBriefingStore((s) => selfOf(s)?.role === 'captioner');
  // Captioners are among the people every attendee receives.
  const hasCaptioner = useBriefingStore((s) => Object.values(s.people).some((p) => p.role === 'captioner'));
  const [text, setText] = useState('');
  const history = useRef<HTMLOListElement>(null);
  /** Whether the reader is at the newest line; false once they scroll up to read an earlier one. */
  const following = useRef(true);
  const last = captions.at(-1);

  // Follow new lines, unless the reader has scrolled up (measured before the new line, on scroll).
  useLayoutEffect(() => {
    const el = history.current;
    if (el && following.current) el.scrollTop = el.scrollHeight;
  }, [last?.id]);

  return (
    <section className="captions" aria-labelledby="captions-heading">
      <h3 id="captions-heading">{t('briefing.captions')}</h3>
      {last ? (
        // The history below is the live region; this large copy is for the eyes only.
        <p className="caption-now" aria-hidden="true">
          {last.text}
        </p>
      ) : (
        <p className="muted">{hasCaptioner ? t('briefing.captionsSoon') : t('briefing.noCaptions')}</p>
      )}
      {/* Always there, so the first line is announced as well (a live region must exist before it). */}
      <div role="log" aria-label={t('briefing.captionHistory')} className="caption-history">
        <ol
          ref={history}
          tabIndex={captions.length > 0 ? 0 : -1}
          aria-label={t('briefing.captionHistory')}
          hidden={captions.length === 0}
          onScroll={(e) => {
            const el = e.currentTarget;
            following.current = el.scrollHeight - el.scrollTop - el.clientHeight < 8;
          }}
        >
          {captions.map((c) => (
            <li key={c.id}>{c.text}</li>
          ))}
        </ol>
      </div>
      {captioning && (
        <form
          className="caption-input"
          onSubmit={(e) => {
            e.preventDefault();
            const line = text.trim();
            if (!line) return;
            briefingActions.caption(line);
            setText('');
          }}
        >
          <label htmlFor="caption-input">{t('briefing.captionInput')}</label>
          <input
            id="caption-input"
            type="text"
            value={text}
            maxLength={CAPTION_LIMITS.max}
            autoComplete="off"
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="primary">
            {t('briefing.captionSend')}
          </button>
        </form>
      )}
    </section>
  );
}
