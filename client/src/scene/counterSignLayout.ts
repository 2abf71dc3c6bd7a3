import type { Counter } from '../../../shared/layout/layoutSchema.ts';

/** Hanging signs tilt towards the camera, which looks down on the hall from the south. */
export const SIGN_TILT: [number, number, number] = [-0.45, 0, 0];
/** Height of the middle of a counter's hanging sign, and of its number board beside it. */
export const SIGN_CENTRE_Y = 3.6;
/** Space between the sign and the board hanging beside it. */
const BESIDE_GAP = 0.2;
/**
 * How far past the staff spot a sign may reach: staff stand some 1.4 m from the wall behind them, so a
 * wide sign shifted no further towards the wall never goes through it.
 */
const BEHIND_STAFF = 0.9;
/** Board height where it hangs above the sign (counters with staff north or south of the desk). */
const ABOVE_GAP = 0.12;

export interface CounterSignPlace {
  /** Centre of the counter's sign. */
  sign: [number, number, number];
  /** Centre of the called-number board. */
  board: [number, number, number];
}

/**
 * Where a counter's sign and its number board hang. A row of counters along a wall (staff between desk
 * and wall) gets the board beside the sign, on the aisle side, at the sign's own height: boards stacked
 * above the signs reached into the sign of the next counter when counters stand 4 m apart, and had to
 * shrink to 0.7 m there. The sign keeps clear of the wall behind the staff, whatever its width.
 * Widths and heights are in metres, as drawn (text size included).
 */
export function counterSignPlace(
  counter: Counter,
  sign: { width: number; height: number },
  board: { width: number; height: number },
): CounterSignPlace {
  const d = counter.desk;
  const cx = (d.minX + d.maxX) / 2;
  const cz = (d.minZ + d.maxZ) / 2;
  const [sx, sz] = counter.staffSpot;
  const y = SIGN_CENTRE_Y;
  if (Math.abs(sx - cx) < Math.abs(sz - cz) || sx === cx) {
    // Staff north or south of the desk: the sign runs along the desk, the board sits on top of it.
    const z = (cz + sz) / 2;
    return { sign: [cx, y, z], board: [cx, y + sign.height / 2 + ABOVE_GAP + board.height / 2, z] };
  }
  const aisle = Math.sign(cx - sx);
  const centred = (cx + sx) / 2;
  // Shifted towards the aisle until its wall-side edge is no further than BEHIND_STAFF past the staff.
  const clear = sx - aisle * BEHIND_STAFF + (aisle * sign.width) / 2;
  const x = aisle > 0 ? Math.max(centred, clear) : Math.min(centred, clear);
  return {
    sign: [x, y, cz],
    board: [x + aisle * (sign.width / 2 + BESIDE_GAP + board.width / 2), y, cz],
  };
}
