import { openProcedure } from '../../app/catalogActions.ts';
import { useT } from '../../i18n/useT.ts';

/** "Details" for one procedure of a list, named after it for screen readers ("Details: 転入届"). */
export function DetailsButton({ procedureId, name }: { procedureId: string; name: string }) {
  const { t } = useT();
  return (
    <button
      type="button"
      aria-label={t('guide.detailsOf', { name })}
      onClick={() => void openProcedure(procedureId)}
    >
      {t('guide.details')}
    </button>
  );
}
