/** Pure 2D geometry on the floor plane. No clocks, no randomness, no allocation in hot paths beyond results. */

export interface Point {
  x: number;
  z: number;
}

/** Axis-aligned box on the floor plane. */
export interface Box {
  minX: number;
  minZ: number;
  maxX: number;
  maxZ: number;
}

/** True when a circle of `radius` at (x, z) overlaps the box. */
export function circleHitsBox(x: number, z: number, radius: number, b: Box): boolean {
  const cx = x < b.minX ? b.minX : x > b.maxX ? b.maxX : x;
  const cz = z < b.minZ ? b.minZ : z > b.maxZ ? b.maxZ : z;
  const dx = x - cx;
  const dz = z - cz;
  return dx * dx + dz * dz < radius * radius;
}

/**
 * True when the segment a→b passes through the box grown by `pad` on every side (slab test).
 * Growing the box approximates sweeping a circle of radius `pad`; it is slightly conservative at corners.
 */
export function segmentHitsBox(ax: number, az: number, bx: number, bz: number, b: Box, pad: number): boolean {
  const minX = b.minX - pad;
  const maxX = b.maxX + pad;
  const minZ = b.minZ - pad;
  const maxZ = b.maxZ + pad;
  const dx = bx - ax;
  const dz = bz - az;
  // Liang–Barsky clipping against the four sides, unrolled: this runs for every solid on every move, so
  // no closure is created per call. Strict inequalities make a segment that only grazes an edge a miss.
  let t0 = 0;
  let t1 = 1;
  const ps = [-dx, dx, -dz, dz];
  const qs = [ax - minX, maxX - ax, az - minZ, maxZ - az];
  for (let i = 0; i < 4; i++) {
    const p = ps[i]!;
    const q = qs[i]!;
    if (p === 0) {
      if (q <= 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
  }
  return t0 < t1;
}

export function insideBox(x: number, z: number, b: Box): boolean {
  return x >= b.minX && x <= b.maxX && z >= b.minZ && z <= b.maxZ;
}

export function distance(ax: number, az: number, bx: number, bz: number): number {
  return Math.hypot(bx - ax, bz - az);
}
