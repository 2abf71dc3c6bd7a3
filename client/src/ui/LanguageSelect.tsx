import { useId } from 'react';
import { LANGUAGES, htmlLangOf, type Language } from '../../../shared/i18n/languages.ts';
import { useAppStore } from '../store/appStore.ts';
import { useT } from '../i18n/useT.ts';
import { NATIVE_NAMES } from '../i18n/languageNames.ts';

export function LanguageSelect({ compact = false }: { compact?: boolean }) {
  const { t, lang } = useT();
  const setLang = useAppStore((s) => s.setLang);
  const id = useId();
  return (
    <div className={compact ? 'language compact' : 'field language'}>
      <label htmlFor={id}>{t('hud.language')}</label>
      <select id={id} value={lang} onChange={(e) => setLang(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={htmlLangOf(l)}>
            {NATIVE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
