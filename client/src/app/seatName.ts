import { getHall } from '../../../shared/layout/hallLayout.ts';
import { seatLabels } from '../../../shared/layout/seatLabels.ts';

/**
 * The row letter and seat number signed on a seat's back ("A列1番"), as message parameters: people look
 * for the sign, not the plan's id.
 */
export function seatParams(seatId: string): { row: string; number: number | string } {
  // A seat of an older plan, already gone from this one: its id still tells the person something.
  return seatLabels(getHall().seats).get(seatId) ?? { row: seatId, number: '' };
}
