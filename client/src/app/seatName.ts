import { getHall, type Hall } from '../../../shared/layout/hallLayout.ts';
import { seatLabels, type SeatLabel } from '../../../shared/layout/seatLabels.ts';

let labelled: { hall: Hall; labels: Map<string, SeatLabel> } | null = null;

/**
 * The row letter and seat number signed on a seat's back ("A列1番"), as message parameters: people look
 * for the sign, not the plan's id. Worked out again only when another hall plan goes live.
 */
export function seatParams(seatId: string): { row: string; number: number | string } {
  const hall = getHall();
  if (labelled?.hall !== hall) labelled = { hall, labels: seatLabels(hall.seats) };
  const label = labelled.labels.get(seatId);
  // A seat of an older plan, already gone from this one: its id still tells the person something.
  return label ?? { row: seatId, number: '' };
}
