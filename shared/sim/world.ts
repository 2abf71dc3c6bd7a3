import type { HallLayout } from '../layout/layoutSchema.ts';
import { circleHitsBox, segmentHitsBox, type Box } from './geometry.ts';

/**
 * The collision world derived from a layout: the building's bounds and every solid box
 * (walls with their thickness, counter desks, furniture). Seats are not solid: people walk between rows.
 */
export interface World {
  bounds: Box;
  solids: Box[];
}

export function wallBox(
  from: readonly [number, number],
  to: readonly [number, number],
  thickness: number,
): Box {
  const h = thickness / 2;
  // Ends are extended by half the thickness so walls meeting at a corner close it without a crack.
  return {
    minX: Math.min(from[0], to[0]) - h,
    maxX: Math.max(from[0], to[0]) + h,
    minZ: Math.min(from[1], to[1]) - h,
    maxZ: Math.max(from[1], to[1]) + h,
  };
}

export function buildWorld(layout: HallLayout): World {
  const solids: Box[] = [];
  for (const w of layout.walls) solids.push(wallBox(w.from, w.to, layout.wallThickness));
  for (const c of layout.counters) solids.push({ ...c.desk });
  for (const f of layout.furniture) solids.push({ ...f.rect });
  return { bounds: { ...layout.bounds }, solids };
}

/** A circle of `radius` at (x, z) stands on the floor without touching anything solid. */
export function isWalkable(world: World, x: number, z: number, radius: number): boolean {
  const b = world.bounds;
  if (x - radius < b.minX || x + radius > b.maxX || z - radius < b.minZ || z + radius > b.maxZ) return false;
  for (const s of world.solids) if (circleHitsBox(x, z, radius, s)) return false;
  return true;
}

/** Nothing solid (grown by `pad`) lies on the straight line from a to b. */
export function isClearLine(
  world: World,
  ax: number,
  az: number,
  bx: number,
  bz: number,
  pad: number,
): boolean {
  for (const s of world.solids) if (segmentHitsBox(ax, az, bx, bz, s, pad)) return false;
  return true;
}
