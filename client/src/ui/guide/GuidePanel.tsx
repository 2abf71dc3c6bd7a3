import { useEffect, useRef } from 'react';
import { useCatalogStore } from '../../store/catalogStore.ts';
import { openPanel } from '../../app/catalogActions.ts';
import { useT } from '../../i18n/useT.ts';
import { CounterGuide } from './CounterGuide.tsx';
import { ProcedureDetail } from './ProcedureDetail.tsx';
import { SearchResults } from './SearchResults.tsx';
import { LifeEventForm } from './LifeEventForm.tsx';
import { ChecklistView } from './ChecklistView.tsx';
import { InfoDeskGuide } from './InfoDeskGuide.tsx';

/**
 * The one guide panel (DOM, not WebGL): counter, procedure, search results, life-event questions, the
 * checklist or the information desk's guide. Opened by a button, focus moves to its heading, and Escape or the close button returns it;
 * opened by walking up to a counter, it is announced instead, so arrow-key walking is not interrupted.
 */
export function GuidePanel() {
  const { t } = useT();
  const panel = useCatalogStore((s) => s.panel);
  const loadError = useCatalogStore((s) => s.loadError);
  const takesFocus = useCatalogStore((s) => s.panelTakesFocus);
  const ref = useRef<HTMLElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (!panel || !takesFocus) return;
    if (!returnTo.current && !ref.current?.contains(document.activeElement)) {
      returnTo.current = document.activeElement as HTMLElement | null;
    }
    ref.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [panel, takesFocus]);

  if (!panel) return null;
  const close = () => {
    openPanel(null);
    returnTo.current?.focus();
    returnTo.current = null;
  };
  return (
    <section
      ref={ref}
      className="guide-panel"
      aria-label={t('guide.label')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') close();
      }}
    >
      <button type="button" className="guide-close" onClick={close}>
        {t('guide.close')}
      </button>
      {loadError && <p className="form-error">{t('guide.loadError')}</p>}
      {panel.kind === 'counter' && <CounterGuide counterId={panel.counterId} />}
      {panel.kind === 'procedure' && <ProcedureDetail procedureId={panel.procedureId} />}
      {panel.kind === 'search' && <SearchResults />}
      {panel.kind === 'lifeEvents' && (
        <LifeEventForm key={panel.lifeEventId ?? ''} initialEventId={panel.lifeEventId ?? null} />
      )}
      {panel.kind === 'infoDesk' && <InfoDeskGuide />}
      {panel.kind === 'checklist' && <ChecklistView />}
    </section>
  );
}
