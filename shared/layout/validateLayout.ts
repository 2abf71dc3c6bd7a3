import { HallLayout, type HallLayoutInput, type Rect, type Seat, type SeatBlock } from './layoutSchema.ts';
import { AVATAR_RADIUS, POSITION_LIMIT_M } from '../constants.ts';
import { buildWorld, isWalkable, wallBox } from '../sim/world.ts';
import { buildNavGrid, nearestOpenCell, reachableFrom, cellOf } from '../sim/navGrid.ts';
import { insideBox, segmentHitsBox } from '../sim/geometry.ts';

export class LayoutError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid hall layout:\n- ${problems.join('\n- ')}`);
    this.name = 'LayoutError';
  }
}

const EPS = 1e-6;
const area = (r: Rect) => (r.maxX - r.minX) * (r.maxZ - r.minZ);
const overlap = (a: Rect, b: Rect) =>
  Math.max(0, Math.min(a.maxX, b.maxX) - Math.max(a.minX, b.minX)) *
  Math.max(0, Math.min(a.maxZ, b.maxZ) - Math.max(a.minZ, b.minZ));
const rectInside = (inner: Rect, outer: Rect) =>
  inner.minX >= outer.minX - EPS &&
  inner.maxX <= outer.maxX + EPS &&
  inner.minZ >= outer.minZ - EPS &&
  inner.maxZ <= outer.maxZ + EPS;
const onEdge = (x: number, z: number, r: Rect) =>
  insideBox(x, z, { minX: r.minX - EPS, maxX: r.maxX + EPS, minZ: r.minZ - EPS, maxZ: r.maxZ + EPS }) &&
  (Math.abs(x - r.minX) < EPS ||
    Math.abs(x - r.maxX) < EPS ||
    Math.abs(z - r.minZ) < EPS ||
    Math.abs(z - r.maxZ) < EPS);

export function expandSeats(blocks: SeatBlock[]): Seat[] {
  const seats: Seat[] = [];
  for (const b of blocks) {
    for (let r = 0; r < b.rows; r++) {
      for (let c = 0; c < b.cols; c++) {
        seats.push({
          id: `${b.id}-${r + 1}-${c + 1}`,
          block: b.id,
          areaId: b.areaId,
          at: [b.origin[0] + c * b.spacing[0], b.origin[1] + r * b.spacing[1]],
          facing: b.facing,
        });
      }
    }
  }
  return seats;
}

/**
 * Parses the layout and checks what zod cannot: ids are unique, areas tile the building without
 * overlapping, furniture sits inside its area, doors are real openings between the areas they name,
 * spawn points and service spots are walkable, and every area can be reached on foot from the entrance.
 * Throws LayoutError listing every problem at once, so a city editing the data fixes them in one pass.
 */
export function validateLayout(input: HallLayoutInput): HallLayout {
  const parsed = HallLayout.safeParse(input);
  if (!parsed.success) {
    throw new LayoutError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const layout = parsed.data;
  const problems: string[] = [];
  const areas = new Map(layout.areas.map((a) => [a.id, a]));

  const ids = [
    ...layout.areas,
    ...layout.walls,
    ...layout.doors,
    ...layout.counters,
    ...layout.furniture,
    ...layout.seatBlocks,
  ].map((x) => x.id);
  for (const id of new Set(ids))
    if (ids.filter((x) => x === id).length > 1) problems.push(`duplicate id "${id}"`);
  const numbers = layout.counters.map((c) => c.number);
  if (new Set(numbers).size !== numbers.length) problems.push('counter numbers must be unique');

  const b = layout.bounds;
  if (Math.max(-b.minX, -b.minZ, b.maxX, b.maxZ) > POSITION_LIMIT_M) {
    problems.push(
      `the building must lie within ±${POSITION_LIMIT_M} m of the origin (positions on the wire)`,
    );
  }
  let covered = 0;
  layout.areas.forEach((a, i) => {
    if (!rectInside(a.rect, layout.bounds)) problems.push(`area "${a.id}" extends outside the building`);
    covered += area(a.rect);
    // Lines are drawn to counter areas only; a colour elsewhere would be named on signs for no line.
    if (a.guideColor && a.kind !== 'counters')
      problems.push(`area "${a.id}": guideColor is for counter areas`);
    for (const b of layout.areas.slice(i + 1)) {
      if (overlap(a.rect, b.rect) > EPS) problems.push(`areas "${a.id}" and "${b.id}" overlap`);
      if (a.guideColor && a.guideColor.toLowerCase() === b.guideColor?.toLowerCase())
        problems.push(`areas "${a.id}" and "${b.id}" have the same guide line colour`);
    }
  });
  if (Math.abs(covered - area(layout.bounds)) > 1e-3) {
    problems.push('areas must cover the whole building floor (some floor belongs to no area)');
  }

  const world = buildWorld(layout);
  for (const c of layout.counters) {
    const a = areas.get(c.areaId);
    if (!a) problems.push(`counter "${c.id}" names unknown area "${c.areaId}"`);
    else if (!rectInside(c.desk, a.rect)) problems.push(`counter "${c.id}" desk is outside area "${a.id}"`);
    if (!isWalkable(world, c.serviceSpot[0], c.serviceSpot[1], AVATAR_RADIUS)) {
      problems.push(`counter "${c.id}" service spot is not walkable`);
    }
  }
  for (const f of layout.furniture) {
    if (!rectInside(f.rect, layout.bounds)) problems.push(`furniture "${f.id}" is outside the building`);
  }
  for (const d of layout.doors) {
    for (const id of d.between) {
      const a = areas.get(id);
      if (!a) problems.push(`door "${d.id}" names unknown area "${id}"`);
      else if (!onEdge(d.at[0], d.at[1], a.rect))
        problems.push(`door "${d.id}" is not on the edge of "${id}"`);
    }
    // Walls end half their thickness past their end points (closed corners), so test the clear opening only.
    const half = d.width / 2 - layout.wallThickness / 2 - 0.01;
    const a = areas.get(d.between[0]);
    // The opening runs along the shared edge: vertical edges (x fixed) open along z, and vice versa.
    const alongZ =
      a !== undefined && (Math.abs(d.at[0] - a.rect.minX) < EPS || Math.abs(d.at[0] - a.rect.maxX) < EPS);
    const [ax, az, bx, bz] = alongZ
      ? [d.at[0], d.at[1] - half, d.at[0], d.at[1] + half]
      : [d.at[0] - half, d.at[1], d.at[0] + half, d.at[1]];
    for (const w of layout.walls) {
      if (segmentHitsBox(ax, az, bx, bz, wallBox(w.from, w.to, layout.wallThickness), -EPS)) {
        problems.push(`wall "${w.id}" blocks door "${d.id}"`);
      }
    }
  }

  const seats = expandSeats(layout.seatBlocks);
  for (const s of seats) {
    const a = areas.get(s.areaId);
    if (!a || !insideBox(s.at[0], s.at[1], a.rect)) problems.push(`seat "${s.id}" is outside its area`);
    else if (!isWalkable(world, s.at[0], s.at[1], AVATAR_RADIUS))
      problems.push(`seat "${s.id}" is inside furniture`);
  }

  layout.spawnPoints.forEach(([x, z], i) => {
    if (!isWalkable(world, x, z, AVATAR_RADIUS)) problems.push(`spawn point ${i} is not walkable`);
  });

  if (problems.length === 0) {
    const grid = buildNavGrid(world);
    const [sx, sz] = layout.spawnPoints[0]!;
    const reach = reachableFrom(grid, nearestOpenCell(grid, sx, sz));
    for (const a of layout.areas) {
      const cx = (a.rect.minX + a.rect.maxX) / 2;
      const cz = (a.rect.minZ + a.rect.maxZ) / 2;
      const probe = nearestOpenCell(grid, cx, cz, 40);
      if (probe < 0 || reach[probe] !== 1)
        problems.push(`area "${a.id}" cannot be reached on foot from the entrance`);
    }
    for (const c of layout.counters) {
      if (reach[cellOf(grid, c.serviceSpot[0], c.serviceSpot[1])] !== 1) {
        problems.push(`counter "${c.id}" cannot be reached on foot from the entrance`);
      }
    }
  }

  if (problems.length > 0) throw new LayoutError(problems);
  return layout;
}
