import { AVATAR_RADIUS } from '../constants.ts';
import { isWalkable, type World } from './world.ts';

/** A walkability grid over the building, built once per layout and shared by pathfinding and validation. */
export interface NavGrid {
  cell: number;
  cols: number;
  rows: number;
  originX: number;
  originZ: number;
  /** 1 = walkable, row-major (index = row * cols + col). */
  open: Uint8Array;
}

/** Clearance a little above the body radius so planned paths never scrape walls. */
export const NAV_CLEARANCE = AVATAR_RADIUS + 0.05;

export function buildNavGrid(world: World, cell = 0.5): NavGrid {
  const { bounds } = world;
  const cols = Math.ceil((bounds.maxX - bounds.minX) / cell);
  const rows = Math.ceil((bounds.maxZ - bounds.minZ) / cell);
  const open = new Uint8Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const x = bounds.minX + (c + 0.5) * cell;
      const z = bounds.minZ + (r + 0.5) * cell;
      open[r * cols + c] = isWalkable(world, x, z, NAV_CLEARANCE) ? 1 : 0;
    }
  }
  return { cell, cols, rows, originX: bounds.minX, originZ: bounds.minZ, open };
}

export function cellOf(grid: NavGrid, x: number, z: number): number {
  const c = Math.min(grid.cols - 1, Math.max(0, Math.floor((x - grid.originX) / grid.cell)));
  const r = Math.min(grid.rows - 1, Math.max(0, Math.floor((z - grid.originZ) / grid.cell)));
  return r * grid.cols + c;
}

export function cellCenter(grid: NavGrid, index: number): { x: number; z: number } {
  const c = index % grid.cols;
  const r = Math.floor(index / grid.cols);
  return { x: grid.originX + (c + 0.5) * grid.cell, z: grid.originZ + (r + 0.5) * grid.cell };
}

/** The open cell nearest to (x, z), searched in growing rings; -1 if the grid has none within `maxRing`. */
export function nearestOpenCell(grid: NavGrid, x: number, z: number, maxRing = 8): number {
  const start = cellOf(grid, x, z);
  if (grid.open[start] === 1) return start;
  const c0 = start % grid.cols;
  const r0 = Math.floor(start / grid.cols);
  let best = -1;
  let bestD = Infinity;
  for (let ring = 1; ring <= maxRing; ring++) {
    for (let r = r0 - ring; r <= r0 + ring; r++) {
      for (let c = c0 - ring; c <= c0 + ring; c++) {
        if (r < 0 || c < 0 || r >= grid.rows || c >= grid.cols) continue;
        if (Math.max(Math.abs(r - r0), Math.abs(c - c0)) !== ring) continue;
        const i = r * grid.cols + c;
        if (grid.open[i] !== 1) continue;
        const p = cellCenter(grid, i);
        const d = (p.x - x) ** 2 + (p.z - z) ** 2;
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      }
    }
    if (best >= 0) return best;
  }
  return -1;
}

/** Every open cell reachable from `start` (4-connected flood fill). Used to prove the hall has no sealed rooms. */
export function reachableFrom(grid: NavGrid, start: number): Uint8Array {
  const seen = new Uint8Array(grid.open.length);
  if (grid.open[start] !== 1) return seen;
  const stack = [start];
  seen[start] = 1;
  while (stack.length > 0) {
    const i = stack.pop()!;
    const c = i % grid.cols;
    const neighbours = [c > 0 ? i - 1 : -1, c < grid.cols - 1 ? i + 1 : -1, i - grid.cols, i + grid.cols];
    for (const n of neighbours) {
      if (n < 0 || n >= grid.open.length || seen[n] === 1 || grid.open[n] !== 1) continue;
      seen[n] = 1;
      stack.push(n);
    }
  }
  return seen;
}
