import { useCallback } from 'react';
import { useAppStore } from '../store/appStore.ts';
import type { LocalizedText } from '../../../shared/i18n/localized.ts';
import { localized, translate, type Params } from './translate.ts';
import type { MessageKey } from './ja.ts';

/** `t(key, params)` and `tl(localizedText)` in the language the resident chose. */
export function useT() {
  const lang = useAppStore((s) => s.lang);
  const t = useCallback((key: MessageKey, params?: Params) => translate(lang, key, params), [lang]);
  const tl = useCallback((text: LocalizedText) => localized(lang, text), [lang]);
  return { t, tl, lang };
}
