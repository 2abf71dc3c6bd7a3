import { useBriefingStore } from '../../store/briefingStore.ts';
import { briefingActions } from '../../app/briefingActions.ts';
import { useT } from '../../i18n/useT.ts';

/**
 * The slide on the stage screen. Everyone sees the page the presenter is on; the page's text is the
 * image's description, so a screen reader reads the slide. Presenters turn pages with the buttons or
 * PageUp / PageDown while the slide has focus.
 */
export function SlideScreen({ presenting }: { presenting: boolean }) {
  const { t } = useT();
  const slide = useBriefingStore((s) => s.slide);
  const slides = useBriefingStore((s) => s.slides);
  const page = useBriefingStore((s) => s.deck[s.slide]);
  if (slides === 0) return null;
  const label = t('slides.page', { page: slide + 1, count: slides });
  const turn = (to: number) => briefingActions.turnTo(to);
  return (
    <figure
      className="slide-screen"
      aria-label={label}
      tabIndex={presenting ? 0 : undefined}
      onKeyDown={(e) => {
        if (!presenting) return;
        if (e.key === 'PageDown' || e.key === 'ArrowRight') turn(slide + 1);
        else if (e.key === 'PageUp' || e.key === 'ArrowLeft') turn(slide - 1);
        else return;
        e.preventDefault();
      }}
    >
      {page ? (
        <img src={page.url} alt={page.text || label} />
      ) : (
        <p className="muted">{t('slides.loading')}</p>
      )}
      <figcaption aria-live="polite">{label}</figcaption>
      {presenting && (
        <div className="ticket-actions">
          <button type="button" disabled={slide === 0} onClick={() => turn(slide - 1)}>
            {t('slides.previous')}
          </button>
          <button type="button" disabled={slide >= slides - 1} onClick={() => turn(slide + 1)}>
            {t('slides.next')}
          </button>
        </div>
      )}
    </figure>
  );
}
