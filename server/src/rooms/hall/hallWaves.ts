import type { Client, Presence } from '@colyseus/core';
import { z } from 'zod';
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

/** Presence channel of waves from staff on duty, shown at their counters in every hall room. */
const STAFF_WAVES = 'hall:staff-wave';
const StaffWave = z.strictObject({ staffId: z.number().int(), roomId: z.string() });
type StaffWave = z.infer<typeof StaffWave>;

/**
 * Staff on duty appear at their counter in every hall room (the staff mirror): their wave is told to the
 * residents of the other rooms too, through the presence (Redis when several processes share the hall),
 * as a wave of the mirrored avatar `staff:<id>`. A resident is seen only in their own room: theirs stays there.
 */
export function staffWaves(
  presence: Presence,
  roomId: string,
  relay: (mirrorKey: string) => void,
): { publish(staffId: number): void; stop(): void } {
  const onWave = (raw: unknown) => {
    const wave = StaffWave.safeParse(raw);
    if (wave.success && wave.data.roomId !== roomId) relay(`staff:${wave.data.staffId}`);
  };
  void presence.subscribe(STAFF_WAVES, onWave);
  return {
    publish: (staffId) => void presence.publish(STAFF_WAVES, { staffId, roomId } satisfies StaffWave),
    stop: () => void presence.unsubscribe(STAFF_WAVES, onWave),
  };
}
