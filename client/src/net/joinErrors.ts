import type { MessageKey } from '../i18n/ja.ts';

/** Maps a refused join to a message key. The server's reason starts with a code (see shared/protocol/errors). */
export function joinErrorKey(err: unknown): MessageKey {
  const message = err instanceof Error ? err.message : String(err);
  if (message.startsWith('invalidOptions')) return 'joinError.invalidOptions';
  if (message.startsWith('staffPassInvalid')) return 'joinError.staffPassInvalid';
  if (/full|locked/i.test(message)) return 'joinError.hallFull';
  return 'joinError.network';
}
