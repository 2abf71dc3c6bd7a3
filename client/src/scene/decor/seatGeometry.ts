import type { BufferGeometry } from 'three';
import type { Seat } from '../../../../shared/layout/layoutSchema.ts';
import { FACING_ANGLE } from '../../../../shared/layout/facing.ts';
import type { SeatLabel } from '../../../../shared/layout/seatLabels.ts';
import { PartBatch } from './partBatch.ts';
import { QuadBatch } from './quadBatch.ts';
import type { AtlasEntry, LabelAtlas } from './labelAtlas.ts';

const FABRIC = '#8a2f3a';
const FABRIC_BACK = '#6e2530';
const FRAME = '#3b3b40';
/** The backrest's distance behind the seat's middle, and its top. */
const BACK_OFFSET = 0.25;
const BACK_TOP = 1;
/** A gap in a row wider than this many times its usual spacing is an aisle. */
const AISLE_GAP = 1.6;
/** Row markers stand this far beyond the seat at a row's end, at this height. */
const MARKER_OUT = 0.62;
const MARKER_Y = 1.1;
/** Half the row letter plate's size: large enough to read from the hall's camera. */
const ROW_PLATE = 0.3;

/** A point beside a seat: `side` metres to the seated person's right, `ahead` metres in front, in floor coordinates. */
function beside(s: Seat, side: number, ahead: number): [number, number] {
  const t = FACING_ANGLE[s.facing];
  // Heading t looks along (sin t, cos t); the right hand is that turned a quarter clockwise seen from above.
  return [
    s.at[0] + Math.sin(t) * ahead - Math.cos(t) * side,
    s.at[1] + Math.cos(t) * ahead + Math.sin(t) * side,
  ];
}

/** Where each row's letter stands: beside the seat at each end of the row and on both sides of each aisle. */
export function rowMarkers(
  seats: Seat[],
  labels: ReadonlyMap<string, SeatLabel>,
): { seat: Seat; side: number; row: string }[] {
  const rows = new Map<string, Seat[]>();
  for (const s of seats) {
    const l = labels.get(s.id);
    if (!l) continue;
    const key = `${s.areaId}|${s.facing}|${l.row}`;
    rows.set(key, [...(rows.get(key) ?? []), s]);
  }
  const markers: { seat: Seat; side: number; row: string }[] = [];
  for (const row of rows.values()) {
    row.sort((a, b) => labels.get(a.id)!.number - labels.get(b.id)!.number);
    const steps = row.slice(1).map((s, i) => Math.hypot(s.at[0] - row[i]!.at[0], s.at[1] - row[i]!.at[1]));
    const usual = Math.min(...steps, Infinity);
    row.forEach((s, i) => {
      const row = labels.get(s.id)!.row;
      const before = i === 0 || steps[i - 1]! > usual * AISLE_GAP;
      const after = i === steps.length || steps[i]! > usual * AISLE_GAP;
      if (before) markers.push({ seat: s, side: -1, row });
      if (after) markers.push({ seat: s, side: 1, row });
    });
  }
  return markers;
}

/** Every seat (pedestal, cushion, backrest) and the row markers' posts, as one geometry. */
export function seatGeometry(
  seats: Seat[],
  labels: ReadonlyMap<string, SeatLabel>,
  light: boolean,
): BufferGeometry | null {
  const b = new PartBatch();
  for (const s of seats) {
    const t = FACING_ANGLE[s.facing];
    const [bx, bz] = beside(s, 0, -BACK_OFFSET);
    b.box(0.5, 0.1, 0.46, FABRIC, s.at[0], 0.4, s.at[1], t);
    b.box(0.52, BACK_TOP - 0.42, 0.08, FABRIC_BACK, bx, 0.42, bz, t);
    if (!light) b.box(0.08, 0.4, 0.3, FRAME, s.at[0], 0, s.at[1], t);
  }
  if (!light)
    for (const m of rowMarkers(seats, labels)) {
      const [x, z] = beside(m.seat, m.side * MARKER_OUT, -BACK_OFFSET);
      b.box(0.04, MARKER_Y - ROW_PLATE + 0.05, 0.04, FRAME, x, 0, z);
    }
  return b.build();
}

/**
 * The labels: each seat's number on the back of its backrest and each row's letter on its markers, all
 * facing the way into the rows (readable walking in and from the hall's camera).
 */
export function seatLabelGeometry(
  seats: Seat[],
  labels: ReadonlyMap<string, SeatLabel>,
  atlas: LabelAtlas,
): BufferGeometry | null {
  const q = new QuadBatch();
  const facing = (s: Seat, size: number) => {
    const t = FACING_ANGLE[s.facing];
    // Read from behind the seat, looking the way the seated person does: the same right hand as theirs.
    return { right: [-Math.cos(t) * size, 0, Math.sin(t) * size] as [number, number, number] };
  };
  for (const s of seats) {
    const l = labels.get(s.id);
    if (!l) continue;
    const [x, z] = beside(s, 0, -BACK_OFFSET - 0.045);
    const entry: AtlasEntry = { kind: 'seat', text: String(l.number) };
    q.add([x, BACK_TOP - 0.17, z], facing(s, 0.14).right, [0, 0.14, 0], atlas.cell(entry));
  }
  for (const m of rowMarkers(seats, labels)) {
    const [x, z] = beside(m.seat, m.side * MARKER_OUT, -BACK_OFFSET - 0.025);
    q.add(
      [x, MARKER_Y, z],
      facing(m.seat, ROW_PLATE).right,
      [0, ROW_PLATE, 0],
      atlas.cell({ kind: 'row', text: m.row }),
    );
  }
  return q.build();
}

/** Every label the seats need, for the atlas. */
export function seatAtlasEntries(labels: ReadonlyMap<string, SeatLabel>): AtlasEntry[] {
  const entries: AtlasEntry[] = [];
  for (const l of labels.values())
    entries.push({ kind: 'row', text: l.row }, { kind: 'seat', text: String(l.number) });
  return entries;
}
