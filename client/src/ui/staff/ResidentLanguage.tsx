import type { Language } from '../../../../shared/constants.ts';
import { useT } from '../../i18n/useT.ts';
import { NATIVE_NAMES } from '../../i18n/languageNames.ts';
import { htmlLangOf } from '../../../../shared/i18n/languages.ts';

/** The language a resident uses the hall in, for staff to prepare (an interpreter, a translated leaflet). */
export function ResidentLanguage({ lang }: { lang: Language | null }) {
  const { t } = useT();
  if (!lang) return null;
  return (
    <span className="resident-language">
      {' '}
      {t('staff.residentLanguage')}: <span lang={htmlLangOf(lang)}>{NATIVE_NAMES[lang]}</span>
    </span>
  );
}
