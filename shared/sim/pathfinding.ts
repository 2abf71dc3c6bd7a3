import type { Point } from './geometry.ts';
import { cellCenter, nearestOpenCell, NAV_CLEARANCE, type NavGrid } from './navGrid.ts';
import { isClearLine, type World } from './world.ts';

const SQRT2 = Math.SQRT2;

/**
 * Shortest walkable path from `from` to `to` as a list of waypoints (excluding `from`), or null when the
 * target cannot be reached. A* on the nav grid (8-neighbour, no corner cutting), then string-pulled so
 * the avatar walks straight lines rather than a staircase.
 */
export function findPath(world: World, grid: NavGrid, from: Point, to: Point): Point[] | null {
  const start = nearestOpenCell(grid, from.x, from.z);
  const goal = nearestOpenCell(grid, to.x, to.z);
  if (start < 0 || goal < 0) return null;
  const cells = aStar(grid, start, goal);
  if (!cells) return null;
  const raw = cells.map((i) => cellCenter(grid, i));
  // End exactly where asked when that spot is reachable in a straight line from the goal cell.
  const last = raw[raw.length - 1]!;
  if (isClearLine(world, last.x, last.z, to.x, to.z, NAV_CLEARANCE)) raw.push({ x: to.x, z: to.z });
  return smooth(world, from, raw);
}

function smooth(world: World, from: Point, points: Point[]): Point[] {
  const out: Point[] = [];
  let anchor = from;
  let i = 0;
  while (i < points.length) {
    // Take the farthest point still visible from the anchor.
    let j = points.length - 1;
    while (j > i && !isClearLine(world, anchor.x, anchor.z, points[j]!.x, points[j]!.z, NAV_CLEARANCE)) j--;
    out.push(points[j]!);
    anchor = points[j]!;
    i = j + 1;
  }
  return out;
}

function aStar(grid: NavGrid, start: number, goal: number): number[] | null {
  const n = grid.open.length;
  const g = new Float64Array(n).fill(Infinity);
  const came = new Int32Array(n).fill(-1);
  const closed = new Uint8Array(n);
  const heap = new MinHeap();
  const gc = goal % grid.cols;
  const gr = Math.floor(goal / grid.cols);
  const h = (i: number) => {
    const dx = Math.abs((i % grid.cols) - gc);
    const dz = Math.abs(Math.floor(i / grid.cols) - gr);
    return Math.max(dx, dz) + (SQRT2 - 1) * Math.min(dx, dz);
  };
  g[start] = 0;
  heap.push(start, h(start));
  while (heap.size > 0) {
    const cur = heap.pop();
    if (cur === goal) return unwind(came, goal);
    if (closed[cur] === 1) continue;
    closed[cur] = 1;
    const c = cur % grid.cols;
    const r = Math.floor(cur / grid.cols);
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        if (dr === 0 && dc === 0) continue;
        const nr = r + dr;
        const nc = c + dc;
        if (nr < 0 || nc < 0 || nr >= grid.rows || nc >= grid.cols) continue;
        const ni = nr * grid.cols + nc;
        if (grid.open[ni] !== 1 || closed[ni] === 1) continue;
        // No cutting corners: a diagonal step needs both orthogonal neighbours open.
        if (
          dr !== 0 &&
          dc !== 0 &&
          (grid.open[r * grid.cols + nc] !== 1 || grid.open[nr * grid.cols + c] !== 1)
        )
          continue;
        const cost = g[cur]! + (dr !== 0 && dc !== 0 ? SQRT2 : 1);
        if (cost < g[ni]!) {
          g[ni] = cost;
          came[ni] = cur;
          heap.push(ni, cost + h(ni));
        }
      }
    }
  }
  return null;
}

function unwind(came: Int32Array, goal: number): number[] {
  const path: number[] = [];
  for (let i = goal; i !== -1; i = came[i]!) path.push(i);
  return path.reverse();
}

/** Binary heap of (item, priority); duplicates are allowed and skipped by the closed set. */
class MinHeap {
  private items: number[] = [];
  private prio: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(item: number, p: number): void {
    this.items.push(item);
    this.prio.push(p);
    let i = this.items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.prio[parent]! <= this.prio[i]!) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  pop(): number {
    const top = this.items[0]!;
    const lastItem = this.items.pop()!;
    const lastPrio = this.prio.pop()!;
    if (this.items.length > 0) {
      this.items[0] = lastItem;
      this.prio[0] = lastPrio;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.items.length && this.prio[l]! < this.prio[m]!) m = l;
        if (r < this.items.length && this.prio[r]! < this.prio[m]!) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
  private swap(a: number, b: number): void {
    [this.items[a], this.items[b]] = [this.items[b]!, this.items[a]!];
    [this.prio[a], this.prio[b]] = [this.prio[b]!, this.prio[a]!];
  }
}
