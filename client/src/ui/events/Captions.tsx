import { useEffect, useRef, useState } from 'react';
import { useBriefingStore } from '../../store/briefingStore.ts';
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
  const captioning = useBriefingStore((s) => s.people.find((p) => p.id === s.selfId)?.role === 'captioner');
  const hasCaptioner = useBriefingStore((s) => s.people.some((p) => p.role === 'captioner'));
  const [text, setText] = useState('');
  const history = useRef<HTMLOListElement>(null);
  const last = captions.at(-1);

  // Follow new lines, unless the reader has scrolled up to read an earlier one.
  useEffect(() => {
    const el = history.current;
    if (!el) return;
    const atEnd = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
    if (atEnd) el.scrollTop = el.scrollHeight;
  }, [captions.length]);

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
      {captions.length > 0 && (
        <div role="log" aria-label={t('briefing.captionHistory')} className="caption-history">
          <ol ref={history} tabIndex={0} aria-label={t('briefing.captionHistory')}>
            {captions.map((c) => (
              <li key={c.id}>{c.text}</li>
            ))}
          </ol>
        </div>
      )}
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
