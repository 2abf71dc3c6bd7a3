import { useId } from 'react';
import { LANGUAGES, type Language } from '../../../shared/constants.ts';
import { useAppStore } from '../store/appStore.ts';
import { useT } from '../i18n/useT.ts';

/** Language names are always written in their own language, so anyone can find theirs. */
const NATIVE_NAMES: Record<Language, string> = { ja: '日本語', en: 'English' };

export function LanguageSelect({ compact = false }: { compact?: boolean }) {
  const { t, lang } = useT();
  const setLang = useAppStore((s) => s.setLang);
  const id = useId();
  return (
    <div className={compact ? 'language compact' : 'field language'}>
      <label htmlFor={id}>{t('hud.language')}</label>
      <select id={id} value={lang} onChange={(e) => setLang(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {NATIVE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
