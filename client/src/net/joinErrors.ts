import { HallProtocol } from '../../../shared/protocol/index.ts';
import type { MessageKey } from '../i18n/ja.ts';

/**
 * Maps a refused hall join to a message key. The server's reason starts with one of the hall protocol's
 * join-refusal codes; a full room (Colyseus' own words) reads as the hall being full.
 */
export function joinErrorKey(err: unknown): MessageKey {
  const message = err instanceof Error ? err.message : String(err);
  const code = HallProtocol.joinRefusals.safeParse(message.split(':')[0]);
  if (code.success) return `joinError.${code.data}`;
  if (/full|locked/i.test(message)) return 'joinError.hallFull';
  return 'joinError.network';
}
