import { useEffect, useState } from 'react';
import { loadCatalog, makeChecklist } from '../../app/catalogActions.ts';
import { useT } from '../../i18n/useT.ts';
import { LanguageSelect } from '../LanguageSelect.tsx';
import { ChecklistView } from './ChecklistView.tsx';
import type { ChecklistRef } from './checklistLink.ts';

/** A shared checklist link opens the list itself, without entering the hall; print from here too. */
export function SharedChecklistPage({ shared, onDone }: { shared: ChecklistRef; onDone(): void }) {
  const { t } = useT();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void loadCatalog()
      .then(() => makeChecklist(shared.lifeEventId, shared.answers))
      .catch(() => setFailed(true));
  }, [shared]);
  return (
    <main id="main" className="shared-checklist">
      <div className="no-print shared-top">
        <LanguageSelect compact />
        <button type="button" onClick={onDone}>
          {t('entry.enter')}
        </button>
      </div>
      {failed ? <p className="form-error">{t('guide.loadError')}</p> : <ChecklistView inHall={false} />}
    </main>
  );
}
