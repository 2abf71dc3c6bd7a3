import { describe, expect, it } from 'vitest';
import { getHall } from '../../shared/layout/hallLayout.ts';
import { checkMove } from '../../shared/sim/moveCheck.ts';
import { MOVE_BUDGET_CAP, SPEED_TOLERANCE, WALK_SPEED } from '../../shared/constants.ts';

const { world } = getHall();
const from = { x: 0, z: 15 };

describe('checkMove (the server refuses what a walking person could not do)', () => {
  it('accepts a normal step and spends the budget', () => {
    const v = checkMove(world, from, { x: 0.25, z: 15 }, 1, 80);
    expect(v.ok).toBe(true);
    expect(v.budget).toBeCloseTo(1 + (WALK_SPEED * SPEED_TOLERANCE * 80) / 1000 - 0.25);
  });

  it('refuses a teleport across open floor as too fast', () => {
    expect(checkMove(world, from, { x: 6, z: 15 }, 1, 100)).toMatchObject({ ok: false, reason: 'tooFast' });
  });

  it('refuses points inside walls or outside the building', () => {
    expect(checkMove(world, { x: 0, z: 19 }, { x: 0, z: 20 }, 2, 1000)).toMatchObject({
      reason: 'outOfBounds',
    });
    expect(checkMove(world, from, { x: 100, z: 15 }, 2, 1000)).toMatchObject({ reason: 'outOfBounds' });
  });

  it('refuses a short step through a wall between two walkable points', () => {
    expect(checkMove(world, { x: 0, z: 0.7 }, { x: 0, z: -0.7 }, 2, 1000)).toMatchObject({
      reason: 'throughWall',
    });
  });

  it('caps the budget: a long idle does not allow a long jump', () => {
    const v = checkMove(world, from, { x: 5, z: 15 }, 0, 60_000);
    expect(v).toMatchObject({ ok: false, reason: 'tooFast', budget: MOVE_BUDGET_CAP });
  });

  it('tolerates a burst of delayed pose messages arriving together', () => {
    let budget = 0;
    let pos = from;
    // 400 ms of walking sent at 12 Hz, delivered in one burst after the pause.
    let v = checkMove(world, pos, pos, budget, 400);
    budget = v.budget;
    for (let i = 0; i < 5; i++) {
      const next = { x: pos.x + 0.267, z: pos.z };
      v = checkMove(world, pos, next, budget, 0);
      expect(v.ok).toBe(true);
      budget = v.budget;
      pos = next;
    }
  });
});
