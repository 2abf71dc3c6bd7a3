import { refusalOf } from '../../app/refusals.ts';
import { isMessageKey } from '../../i18n/translate.ts';
import type { MessageKey } from '../../i18n/ja.ts';

/**
 * Why the server refused, in the reader's language where the refusal has a code the console knows
 * (`admin.error.lastAdmin`…), else the server's own sentence.
 */
export function adminErrorText(err: unknown, t: (key: MessageKey) => string): string {
  const refusal = refusalOf(err);
  if (!refusal) return t('admin.error.network');
  const key = `admin.error.${refusal.code ?? ''}`;
  return isMessageKey(key) ? t(key) : refusal.message;
}
