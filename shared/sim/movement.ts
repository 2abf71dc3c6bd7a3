import { AVATAR_RADIUS, WALK_SPEED } from '../constants.ts';
import { isWalkable, type World } from './world.ts';
import type { Point } from './geometry.ts';

/**
 * Moves an avatar by a direction for `dt` seconds and slides along walls instead of stopping dead.
 * Pure function of (world, position, direction, dt). `dir` is normalised here so diagonal keys are not faster.
 */
export function stepMovement(world: World, from: Point, dirX: number, dirZ: number, dt: number): Point {
  const len = Math.hypot(dirX, dirZ);
  if (len === 0 || dt <= 0) return from;
  const d = (WALK_SPEED * dt) / len;
  const tx = from.x + dirX * d;
  const tz = from.z + dirZ * d;
  if (isWalkable(world, tx, tz, AVATAR_RADIUS)) return { x: tx, z: tz };
  if (isWalkable(world, tx, from.z, AVATAR_RADIUS)) return { x: tx, z: from.z };
  if (isWalkable(world, from.x, tz, AVATAR_RADIUS)) return { x: from.x, z: tz };
  return from;
}

/** Moves towards a target point at walking speed; returns the new point and whether it arrived. */
export function stepTowards(
  world: World,
  from: Point,
  target: Point,
  dt: number,
): { at: Point; arrived: boolean } {
  const dx = target.x - from.x;
  const dz = target.z - from.z;
  const dist = Math.hypot(dx, dz);
  const reach = WALK_SPEED * dt;
  if (dist <= reach) {
    if (isWalkable(world, target.x, target.z, AVATAR_RADIUS)) return { at: { ...target }, arrived: true };
    return { at: from, arrived: true };
  }
  const at = stepMovement(world, from, dx, dz, dt);
  // Stuck against something the path did not foresee (another layout, rounding): give up rather than jitter.
  return { at, arrived: at.x === from.x && at.z === from.z };
}
