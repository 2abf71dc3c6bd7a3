import type { Client } from '@colyseus/core';
import { HallProtocol, WAVE_MS } from '../../../../shared/protocol/index.ts';
import type { AvatarState } from '../../../../shared/state/hallState.ts';
import { teller } from '../common/typedMessages.ts';
import { messageBudget } from '../common/messageBudget.ts';

const tell = teller(HallProtocol);

/**
 * A person may wave about as often as a wave lasts: a few in a row go through, a stream does not. Only
 * `wave` has a budget in the hall: the other hall messages keep running in the order they came.
 */
export const createWaveBudget = () =>
  messageBudget({ wave: { points: 3, perSeconds: (3 * WAVE_MS) / 1000 } }, { points: 3, perSeconds: 6 });

/**
 * Tells the people who see the waver (their StateView holds the waver's avatar: the same people who get
 * its poses, and the waver, who sees themself) that they wave. Someone in a private consultation is not
 * in the hall for anyone.
 */
export function relayWave(
  clients: Iterable<Client>,
  sessionId: string,
  avatar: AvatarState | undefined,
): void {
  if (!avatar || avatar.consulting) return;
  for (const c of clients) if (c.view?.has(avatar)) tell(c, 'wave', { id: sessionId });
}
