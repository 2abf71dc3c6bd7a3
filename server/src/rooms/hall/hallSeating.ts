import type { MapSchema } from '@colyseus/schema';
import type { Hall } from '../../../../shared/layout/hallLayout.ts';
import type { Seat } from '../../../../shared/layout/layoutSchema.ts';
import type { AvatarState } from '../../../../shared/state/hallState.ts';
import { DomainError } from '../../domainError.ts';

/** How far from a seat an avatar may be to sit on it (a step). */
export const SIT_REACH_M = 0.9;

/** The seat an avatar may sit on: one it stands at (within SIT_REACH_M) and nobody else sits on. */
export function seatToTake(
  hall: Hall,
  avatars: MapSchema<AvatarState>,
  sessionId: string,
  seatId: string,
  at: { x: number; z: number },
): Seat {
  const seat = hall.seats.find((s) => s.id === seatId);
  if (!seat) throw new DomainError('noSuchSeat', `no seat ${seatId}`);
  if (Math.hypot(at.x - seat.at[0], at.z - seat.at[1]) > SIT_REACH_M)
    throw new DomainError('notAtSeat', 'walk to the seat first');
  for (const [id, other] of avatars)
    if (id !== sessionId && other.seat === seatId) throw new DomainError('seatTaken', 'someone sits there');
  return seat;
}
