import { describe, expect, it } from 'vitest';
import { getHall } from '../../shared/layout/hallLayout.ts';
import type { Counter } from '../../shared/layout/layoutSchema.ts';
import { SIGN_CENTRE_Y, counterSignPlace } from '../../client/src/scene/counterSignLayout.ts';

const SIGN = { width: 4.6, height: 1.25 };
const BOARD = { width: 3.2, height: 1.3 };

describe('counter signs and number boards: where they hang', () => {
  const hall = getHall();
  const wallXs = hall.layout.walls.flatMap((w) => (w.from[0] === w.to[0] ? [w.from[0]] : []));

  it.each(hall.layout.counters.map((c) => [c.number, c] as const))(
    'counter %i: a wide sign stays clear of the wall behind the staff, the full-size board beside it on the aisle side',
    (_n, counter) => {
      const { sign, board } = counterSignPlace(counter, SIGN, BOARD);
      const [sx] = counter.staffSpot;
      const cx = (counter.desk.minX + counter.desk.maxX) / 2;
      const aisle = Math.sign(cx - sx);
      const wall = wallXs.filter((x) => Math.sign(sx - x) === aisle).sort((a, b) => aisle * (b - a))[0]!;
      const wallSide = sign[0] - (aisle * SIGN.width) / 2;
      expect(Math.abs(wallSide - wall)).toBeGreaterThan(0.3);
      expect(Math.sign(wallSide - wall)).toBe(aisle);
      // Beside, not above: at the sign's own height and depth, its near edge past the sign's aisle edge.
      expect(board[1]).toBe(SIGN_CENTRE_Y);
      expect(board[2]).toBe(sign[2]);
      const gap = aisle * (board[0] - sign[0]) - SIGN.width / 2 - BOARD.width / 2;
      expect(gap).toBeGreaterThan(0);
      expect(gap).toBeLessThan(0.5);
    },
  );

  it('a narrow sign stays centred between the desk and the staff', () => {
    const counter = hall.layout.counters[0]!;
    const { sign } = counterSignPlace(counter, { width: 1, height: 1.25 }, BOARD);
    expect(sign[0]).toBeCloseTo((counter.desk.minX + counter.desk.maxX + 2 * counter.staffSpot[0]) / 4);
  });

  it('with staff north of the desk, the sign runs along the desk and the board hangs above it', () => {
    const counter: Counter = {
      ...hall.layout.counters[0]!,
      desk: { minX: -2, maxX: 2, minZ: 5, maxZ: 6 },
      staffSpot: [0, 4.2],
    };
    const { sign, board } = counterSignPlace(counter, SIGN, BOARD);
    expect(sign).toEqual([0, SIGN_CENTRE_Y, 4.85]);
    expect(board[0]).toBe(0);
    expect(board[1] - BOARD.height / 2).toBeGreaterThan(sign[1] + SIGN.height / 2);
  });
});
