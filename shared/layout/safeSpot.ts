import { AVATAR_RADIUS } from '../constants.ts';
import { cellCenter, cellOf, nearestOpenCell, reachableFrom } from '../sim/navGrid.ts';
import { isWalkable } from '../sim/world.ts';
import type { Hall } from './hallLayout.ts';

/** How far (in nav cells) to look for open floor before sending someone back to the entrance. */
const SEARCH_RING = 40;

/**
 * After the plan changed under people's feet: where each person may stay, or the nearest open floor
 * that can be walked to from the entrance (not a pocket walled off by the new plan), else the entrance.
 * Returns a function so the reachability is computed once per change, not per person.
 */
export function safeSpots(hall: Hall): (x: number, z: number) => [number, number] | null {
  const { nav, world, layout } = hall;
  const [sx, sz] = layout.spawnPoints[0]!;
  const reach = reachableFrom(nav, nearestOpenCell(nav, sx, sz));
  return (x, z) => {
    if (isWalkable(world, x, z, AVATAR_RADIUS) && reach[cellOf(nav, x, z)] === 1) return null;
    const cell = nearestOpenCell(nav, x, z, SEARCH_RING);
    if (cell >= 0 && reach[cell] === 1) {
      const c = cellCenter(nav, cell);
      if (isWalkable(world, c.x, c.z, AVATAR_RADIUS)) return [c.x, c.z];
    }
    return [sx, sz];
  };
}
