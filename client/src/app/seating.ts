import { getHall } from '../../../shared/layout/hallLayout.ts';
import { FACING_ANGLE } from '../../../shared/layout/facing.ts';
import type { Seat } from '../../../shared/layout/layoutSchema.ts';
import { sendToHall } from '../net/hallConnection.ts';
import { localPose } from '../store/poses.ts';
import { useHallStore } from '../store/hallStore.ts';
import { walkTo } from './localMovement.ts';
import { seatParams } from './seatName.ts';

/** Close enough to sit down (the server allows 0.9 m). */
const REACH_M = 0.8;

const taken = () => {
  const { people, selfId } = useHallStore.getState();
  return new Set(Object.values(people).flatMap((p) => (p.id !== selfId && p.seat ? [p.seat] : [])));
};

export const mySeat = (): string => {
  const { people, selfId } = useHallStore.getState();
  return (selfId && people[selfId]?.seat) || '';
};

const distanceTo = (s: Seat) => Math.hypot(s.at[0] - localPose.x, s.at[1] - localPose.z);

/** The free seat nearest to the avatar, wherever it stands. */
export function nearestFreeSeat(): Seat | null {
  const busy = taken();
  let best: Seat | null = null;
  for (const s of getHall().seats)
    if (!busy.has(s.id) && (!best || distanceTo(s) < distanceTo(best))) best = s;
  return best;
}

/** The free seat the avatar stands at, if any. */
export function seatHere(): Seat | null {
  const seat = nearestFreeSeat();
  return seat && distanceTo(seat) <= REACH_M ? seat : null;
}

export function sit(seat: Seat): void {
  localPose.ry = FACING_ANGLE[seat.facing];
  sendToHall('sit', { seatId: seat.id });
  useHallStore.getState().announce('hall.seated', seatParams(seat.id));
}

export function standUp(): void {
  if (mySeat()) sendToHall('sit', { seatId: null });
}

/** Walks to the seat (around walls) and sits down on arrival; sits at once when already there. */
export function walkToSeat(seatId: string): void {
  const seat = getHall().seats.find((s) => s.id === seatId);
  if (!seat || mySeat() === seatId) return;
  if (distanceTo(seat) <= REACH_M) return sit(seat);
  const front = { x: seat.at[0], z: seat.at[1] };
  walkTo(front, undefined, undefined, () => sit(seat));
}
