import { BufferGeometry, Color, Float32BufferAttribute } from 'three';
import { GUIDE_LINE_WIDTH, type GuideLine } from '../../../shared/layout/guideLines.ts';
import type { Point } from '../../../shared/sim/geometry.ts';

/** Heights above the floor: plain lines, the followed line over them, its arrows on top (no z-fighting). */
const Y_LINE = 0.012;
const Y_FOLLOWED = 0.02;
const Y_ARROW = 0.028;
const FOLLOWED_WIDTH = GUIDE_LINE_WIDTH * 1.6;
/** Arrows on the followed line, pointing the way, every this many metres. */
const ARROW_EVERY = 1.6;
const WHITE = new Color('#ffffff');

class Triangles {
  readonly position: number[] = [];
  readonly color: number[] = [];
  add(a: Point, b: Point, c: Point, y: number, col: Color): void {
    for (const p of [a, b, c]) {
      this.position.push(p.x, y, p.z);
      this.color.push(col.r, col.g, col.b);
    }
  }
  quad(a: Point, b: Point, c: Point, d: Point, y: number, col: Color): void {
    this.add(a, b, c, y, col);
    this.add(a, c, d, y, col);
  }
}

/** A straight stroke of `width` from a to b, its ends squared off half a width beyond, so bends close. */
function stroke(t: Triangles, a: Point, b: Point, width: number, y: number, col: Color): void {
  const len = Math.hypot(b.x - a.x, b.z - a.z);
  if (len < 1e-6) return;
  const dx = (b.x - a.x) / len;
  const dz = (b.z - a.z) / len;
  const h = width / 2;
  const nx = -dz * h;
  const nz = dx * h;
  const s = { x: a.x - dx * h, z: a.z - dz * h };
  const e = { x: b.x + dx * h, z: b.z + dz * h };
  t.quad(
    { x: s.x + nx, z: s.z + nz },
    { x: e.x + nx, z: e.z + nz },
    { x: e.x - nx, z: e.z - nz },
    { x: s.x - nx, z: s.z - nz },
    y,
    col,
  );
}

function arrows(t: Triangles, points: Point[], width: number): void {
  const half = width * 0.38;
  let next = ARROW_EVERY / 2;
  let travelled = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const len = Math.hypot(b.x - a.x, b.z - a.z);
    const dx = (b.x - a.x) / len;
    const dz = (b.z - a.z) / len;
    for (; next < travelled + len; next += ARROW_EVERY) {
      const d = next - travelled;
      const tip = { x: a.x + dx * (d + half), z: a.z + dz * (d + half) };
      const back = { x: a.x + dx * (d - half), z: a.z + dz * (d - half) };
      const left = { x: back.x - dz * half, z: back.z + dx * half };
      const right = { x: back.x + dz * half, z: back.z - dx * half };
      t.add(tip, left, right, Y_ARROW, WHITE);
    }
    travelled += len;
  }
}

/**
 * All floor guidance lines as one geometry with vertex colours (one draw call). The followed line is
 * wider, lies on top and carries white arrows the way to go; while one is followed the others fade
 * towards the floor, so the one to follow stands out even for those who tell its colour poorly.
 */
export function guideLineGeometry(lines: GuideLine[], followedAreaId: string | null): BufferGeometry {
  const t = new Triangles();
  const ordered = [...lines].sort(
    (a, b) => Number(a.areaId === followedAreaId) - Number(b.areaId === followedAreaId),
  );
  for (const line of ordered) {
    const followed = line.areaId === followedAreaId;
    const col = new Color(line.color.hex);
    if (followedAreaId && !followed) col.lerp(WHITE, 0.45);
    const width = followed ? FOLLOWED_WIDTH : GUIDE_LINE_WIDTH;
    for (let i = 1; i < line.points.length; i++)
      stroke(t, line.points[i - 1]!, line.points[i]!, width, followed ? Y_FOLLOWED : Y_LINE, col);
    if (followed) arrows(t, line.points, width);
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(t.position, 3));
  geometry.setAttribute('color', new Float32BufferAttribute(t.color, 3));
  return geometry;
}
