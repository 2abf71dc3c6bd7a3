import { AVATAR_RADIUS, MOVE_BUDGET_CAP, SPEED_TOLERANCE, WALK_SPEED } from '../constants.ts';
import { isClearLine, isWalkable, type World } from './world.ts';
import type { Point } from './geometry.ts';

export type MoveVerdict =
  | { ok: true; budget: number }
  | { ok: false; reason: 'outOfBounds' | 'throughWall' | 'tooFast'; budget: number };

/**
 * The server's check of a position a client claims. The distance budget refills with time at a little
 * above walking speed and is capped, so jittery bursts of pose messages pass but teleports do not.
 * Pure: the caller owns the clock and stores the returned budget.
 */
export function checkMove(
  world: World,
  from: Point,
  to: Point,
  budgetBefore: number,
  elapsedMs: number,
): MoveVerdict {
  const refill = (WALK_SPEED * SPEED_TOLERANCE * Math.max(0, elapsedMs)) / 1000;
  const budget = Math.min(MOVE_BUDGET_CAP, budgetBefore + refill);
  // A little less than the body radius: clients slide along walls and must not be corrected for rounding.
  if (!isWalkable(world, to.x, to.z, AVATAR_RADIUS * 0.8))
    return { ok: false, reason: 'outOfBounds', budget };
  if (!isClearLine(world, from.x, from.z, to.x, to.z, 0)) return { ok: false, reason: 'throughWall', budget };
  const dist = Math.hypot(to.x - from.x, to.z - from.z);
  if (dist > budget) return { ok: false, reason: 'tooFast', budget };
  return { ok: true, budget: budget - dist };
}
