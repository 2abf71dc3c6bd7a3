import type { Seat } from './layoutSchema.ts';

/** A seat as the hall names it: the row's letter (A nearest the stage) and the seat's number in its row. */
export interface SeatLabel {
  row: string;
  number: number;
}

/** Where a seated person looks, as a step on the floor plan. */
const LOOK = { north: [0, -1], south: [0, 1], east: [1, 0], west: [-1, 0] } as const;

/** A, B, … Z, AA, AB, … */
export function rowLetter(i: number): string {
  const letter = String.fromCharCode(65 + (i % 26));
  return i < 26 ? letter : rowLetter(Math.floor(i / 26) - 1) + letter;
}

/**
 * Row letters and seat numbers for every seat, the way halls sign them: seats facing the same way in an
 * area at the same distance from the front share a row, lettered from the front; within a row they are
 * numbered from the seated person's left, across aisles.
 */
export function seatLabels(seats: readonly Seat[]): ReadonlyMap<string, SeatLabel> {
  // The seat backs and the notices both ask: worked out once per plan's seats.
  let labels = labelsOf.get(seats);
  if (!labels) labelsOf.set(seats, (labels = labelSeats(seats)));
  return labels;
}

const labelsOf = new WeakMap<readonly Seat[], ReadonlyMap<string, SeatLabel>>();

function labelSeats(seats: readonly Seat[]): Map<string, SeatLabel> {
  const rows = new Map<string, { depth: number; seats: { id: string; across: number }[] }>();
  for (const s of seats) {
    const [lx, lz] = LOOK[s.facing];
    // Depth grows away from the front; "across" grows to the seated person's right.
    const depth = -(s.at[0] * lx + s.at[1] * lz);
    const across = s.at[0] * -lz + s.at[1] * lx;
    const key = `${s.areaId}|${s.facing}|${depth.toFixed(2)}`;
    const row = rows.get(key) ?? { depth, seats: [] };
    row.seats.push({ id: s.id, across });
    rows.set(key, row);
  }
  const labels = new Map<string, SeatLabel>();
  const byGroup = new Map<string, { depth: number; seats: { id: string; across: number }[] }[]>();
  for (const [key, row] of rows) {
    const group = key.slice(0, key.lastIndexOf('|'));
    byGroup.set(group, [...(byGroup.get(group) ?? []), row]);
  }
  for (const group of byGroup.values()) {
    group.sort((a, b) => a.depth - b.depth);
    group.forEach((row, r) => {
      row.seats.sort((a, b) => a.across - b.across);
      row.seats.forEach((s, i) => labels.set(s.id, { row: rowLetter(r), number: i + 1 }));
    });
  }
  return labels;
}
