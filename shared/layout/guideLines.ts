import type { Hall } from './hallLayout.ts';
import { areaDestination, infoDeskDestination } from './destinations.ts';
import { guideColors, guidedAreas, type GuideColor } from './guideColors.ts';
import { findPath } from '../sim/pathfinding.ts';
import { isClearLine, type World } from '../sim/world.ts';
import { insideBox, type Box, type Point } from '../sim/geometry.ts';

/** Width of a painted line, in metres (real ones are 10–30 cm). */
export const GUIDE_LINE_WIDTH = 0.24;
/** Centre-to-centre distance of lines laid side by side, so each stays visible where routes share floor. */
export const GUIDE_LANE_SPACING = 0.4;

/**
 * How far a line runs into its area, in metres: far enough to stand among the counters and read their
 * numbers, not on to one spot, which would hook around the benches on the way.
 */
export const GUIDE_INTO_AREA = 4;

export type GuideOrigin = 'entrance' | 'infoDesk';

export interface GuideLine {
  areaId: string;
  from: GuideOrigin;
  color: GuideColor;
  /** The line's centre on the floor, from its start to inside the area; at least two points. */
  points: Point[];
}

/**
 * The floor guidance lines (床面誘導線) of a hall: from the entrance and from the information desk to
 * each counter area, along the way people walk (the same path finding as "take me there"), as a few
 * straight segments. Each area has its own lane, so lines sharing a corridor run side by side rather
 * than on top of each other. A pure function of the layout: every client draws the same lines.
 */
export function guideLines(hall: Hall): GuideLine[] {
  const areas = guidedAreas(hall.layout);
  const colors = guideColors(hall.layout);
  const origins: { from: GuideOrigin; at: Point }[] = [];
  const entrance = hall.layout.spawnPoints[0];
  if (entrance) origins.push({ from: 'entrance', at: { x: entrance[0], z: entrance[1] } });
  const desk = infoDeskDestination(hall);
  if (desk) origins.push({ from: 'infoDesk', at: desk.at });

  const lines: GuideLine[] = [];
  areas.forEach((area, lane) => {
    const to = areaDestination(hall, area);
    const offset = (lane - (areas.length - 1) / 2) * GUIDE_LANE_SPACING;
    const color = colors.get(area.id)!;
    for (const origin of origins) {
      const path = findPath(hall.world, hall.nav, origin.at, to);
      if (!path || path.length === 0) continue;
      // Lines leave their start a little apart, so lines forking there do not begin on one spot.
      const walked = cutInside(simplify([origin.at, ...path]), area.rect, GUIDE_INTO_AREA);
      const centre = trimStart(walked, GUIDE_LANE_SPACING);
      if (centre.length < 2) continue;
      const shifted = offsetPolyline(centre, offset);
      // A lane pushed into a wall (a narrow door, many areas) falls back to the walked path itself.
      const points = staysOnFloor(hall.world, shifted) ? shifted : centre;
      lines.push({ areaId: area.id, from: origin.from, color, points });
    }
  });
  return lines;
}

/** Nothing solid under the painted strip, and the strip inside the building. */
export function staysOnFloor(world: World, points: Point[]): boolean {
  const pad = GUIDE_LINE_WIDTH / 2;
  const b = world.bounds;
  for (const p of points)
    if (p.x - pad < b.minX || p.x + pad > b.maxX || p.z - pad < b.minZ || p.z + pad > b.maxZ) return false;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const c = points[i]!;
    if (!isClearLine(world, a.x, a.z, c.x, c.z, pad)) return false;
  }
  return true;
}

/** Drops repeated points and bends too slight to see, so a line is a few long strokes. */
function simplify(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.hypot(p.x - last.x, p.z - last.z) < 0.05) continue;
    const prev = out[out.length - 2];
    if (prev && last) {
      const cross = (last.x - prev.x) * (p.z - prev.z) - (last.z - prev.z) * (p.x - prev.x);
      const len = Math.hypot(p.x - prev.x, p.z - prev.z);
      // Within 5 cm of the straight line from prev to p: the middle point adds nothing.
      if (len > 0 && Math.abs(cross) / len < 0.05) out.pop();
    }
    out.push(p);
  }
  return out;
}

/** Position at distance `d` along the polyline, and the index of the point after it. */
function along(points: Point[], d: number): { at: Point; next: number } {
  let left = d;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const len = Math.hypot(b.x - a.x, b.z - a.z);
    if (len > left) {
      const t = left / len;
      return { at: { x: a.x + (b.x - a.x) * t, z: a.z + (b.z - a.z) * t }, next: i };
    }
    left -= len;
  }
  return { at: points[points.length - 1]!, next: points.length };
}

const lengthOf = (points: Point[]): number =>
  points.reduce(
    (sum, p, i) => (i === 0 ? 0 : sum + Math.hypot(p.x - points[i - 1]!.x, p.z - points[i - 1]!.z)),
    0,
  );

/** The polyline up to `depth` metres past where it first enters `rect` (all of it if it ends sooner). */
function cutInside(points: Point[], rect: Box, depth: number): Point[] {
  const total = lengthOf(points);
  for (let d = 0; d <= total; d += 0.1) {
    if (!insideBox(along(points, d).at.x, along(points, d).at.z, rect)) continue;
    if (d + depth >= total) return points;
    const end = along(points, d + depth);
    return [...points.slice(0, end.next), end.at];
  }
  return points;
}

/** The polyline without its first `d` metres (empty when it is no longer). */
function trimStart(points: Point[], d: number): Point[] {
  if (lengthOf(points) <= d) return [];
  const start = along(points, d);
  return [start.at, ...points.slice(start.next)];
}

function unitNormal(a: Point, b: Point): Point {
  const dx = b.x - a.x;
  const dz = b.z - a.z;
  const len = Math.hypot(dx, dz) || 1;
  return { x: -dz / len, z: dx / len };
}

/**
 * The polyline moved sideways by `d` metres (to the left of the direction of travel for d > 0), with
 * mitred corners so parallel lanes keep their distance around bends.
 */
export function offsetPolyline(points: Point[], d: number): Point[] {
  if (d === 0) return points.map((p) => ({ ...p }));
  return points.map((p, i) => {
    const before = points[i - 1];
    const after = points[i + 1];
    const n0 = before ? unitNormal(before, p) : unitNormal(p, after!);
    const n1 = after ? unitNormal(p, after) : n0;
    let mx = n0.x + n1.x;
    let mz = n0.z + n1.z;
    const len = Math.hypot(mx, mz);
    if (len < 1e-6) {
      mx = n0.x;
      mz = n0.z;
    } else {
      mx /= len;
      mz /= len;
    }
    // Sharp bends would throw the mitre far out; the cap keeps it within about three lane widths.
    const cos = Math.max(0.35, mx * n0.x + mz * n0.z);
    return { x: p.x + (mx * d) / cos, z: p.z + (mz * d) / cos };
  });
}
