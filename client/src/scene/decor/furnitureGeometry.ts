import { CylinderGeometry, IcosahedronGeometry, type BufferGeometry } from 'three';
import type { Furniture } from '../../../../shared/layout/layoutSchema.ts';
import { PartBatch } from './partBatch.ts';
import { seeded } from './floorTextures.ts';

const VINYL = '#3f6f9a';
const VINYL_DARK = '#335c82';
const METAL = '#8d949b';
const TABLE_TOP = '#e4d3b8';
const TABLE_EDGE = '#b89468';
const CHAIR = '#6d7f8f';
const INFO_BLUE = '#2f6fa8';
const POT = '#e9e4da';
const POT_RIM = '#c9c1b3';
const SOIL = '#5a4634';
const TRUNK = '#6b4f34';
const LEAVES = ['#3f8a4a', '#4f9a55', '#367a42', '#5aa35c'];

/** The long side of a rect, and whether it runs along x. */
function along(f: Furniture) {
  const w = f.rect.maxX - f.rect.minX;
  const d = f.rect.maxZ - f.rect.minZ;
  return { alongX: w >= d, length: Math.max(w, d), depth: Math.min(w, d) };
}

/**
 * A waiting-room bench of joined seats on a metal beam (the kind in every city hall): seat pads and
 * backs in blue vinyl, a leg frame at each end. The back is on the north (or west) side.
 */
function bench(b: PartBatch, f: Furniture) {
  const { alongX, length, depth } = along(f);
  const cx = (f.rect.minX + f.rect.maxX) / 2;
  const cz = (f.rect.minZ + f.rect.maxZ) / 2;
  const turn = alongX ? 0 : Math.PI / 2;
  // Local u runs along the bench, v across it (towards the back when negative); turned into the world.
  const at = (u: number, v: number): [number, number] => (alongX ? [cx + u, cz + v] : [cx + v, cz - u]);
  const seatH = f.height;
  const seats = Math.max(1, Math.round(length / 0.62));
  const pitch = length / seats;
  const put = (w: number, h: number, d: number, color: string, u: number, y: number, v: number) => {
    const [x, z] = at(u, v);
    b.box(w, h, d, color, x, y, z, turn);
  };
  put(length - 0.2, 0.06, 0.08, METAL, 0, seatH - 0.2, 0);
  for (const end of [-1, 1]) {
    const u = end * (length / 2 - 0.14);
    put(0.05, seatH - 0.2, 0.05, METAL, u, 0, 0);
    put(0.06, 0.03, depth * 0.9, METAL, u, 0, 0);
  }
  for (let i = 0; i < seats; i++) {
    const u = -length / 2 + pitch * (i + 0.5);
    put(pitch - 0.06, 0.08, depth * 0.72, VINYL, u, seatH - 0.08, depth * 0.08);
    put(pitch - 0.08, 0.42, 0.07, VINYL_DARK, u, seatH + 0.06, -depth * 0.42);
  }
}

/** A potted plant: a round pot with a rim and soil, a trunk, and a crown of leafy clumps. */
function plant(b: PartBatch, f: Furniture, r: () => number) {
  const cx = (f.rect.minX + f.rect.maxX) / 2;
  const cz = (f.rect.minZ + f.rect.maxZ) / 2;
  const w = Math.min(f.rect.maxX - f.rect.minX, f.rect.maxZ - f.rect.minZ);
  const potH = Math.min(0.5, f.height * 0.32);
  b.add(new CylinderGeometry(w * 0.36, w * 0.28, potH, 10, 1, true), POT, cx, potH / 2, cz);
  b.add(new CylinderGeometry(w * 0.4, w * 0.4, 0.06, 10), POT_RIM, cx, potH, cz);
  b.add(new CylinderGeometry(w * 0.34, w * 0.34, 0.02, 8), SOIL, cx, potH + 0.03, cz);
  b.add(
    new CylinderGeometry(0.025, 0.04, f.height * 0.55, 5, 1, true),
    TRUNK,
    cx,
    potH + f.height * 0.25,
    cz,
  );
  const clumps = 6;
  for (let i = 0; i < clumps; i++) {
    const a = (i / clumps) * Math.PI * 2 + r();
    const spread = i === 0 ? 0 : w * (0.22 + r() * 0.12);
    const y = f.height * (0.62 + r() * 0.28) + (i === 0 ? f.height * 0.1 : 0);
    const size = w * (0.26 + r() * 0.1);
    const leaves = new IcosahedronGeometry(size, 0).scale(1, 0.8, 1);
    b.add(
      leaves,
      LEAVES[i % LEAVES.length]!,
      cx + Math.cos(a) * spread,
      y,
      cz + Math.sin(a) * spread,
      r() * 3,
    );
  }
}

/** The information desk: a blue front panel, a pale top with a lip, a dark kick plate. */
function infoDesk(b: PartBatch, f: Furniture) {
  const { minX, maxX, minZ, maxZ } = f.rect;
  const cx = (minX + maxX) / 2;
  const cz = (minZ + maxZ) / 2;
  const w = maxX - minX;
  const d = maxZ - minZ;
  b.box(w - 0.06, 0.1, d - 0.06, '#33383d', cx, 0, cz);
  b.box(w - 0.04, f.height - 0.14, d - 0.04, INFO_BLUE, cx, 0.1, cz);
  b.box(w + 0.06, 0.04, d + 0.1, TABLE_TOP, cx, f.height - 0.04, cz);
  b.box(w * 0.9, 0.03, 0.02, '#ffffff', cx, f.height * 0.55, maxZ - 0.01);
}

/** A consultation table (light wood top, panel legs) with a chair on each long side. */
function table(b: PartBatch, f: Furniture) {
  const { minX, maxX, minZ, maxZ } = f.rect;
  const cx = (minX + maxX) / 2;
  const cz = (minZ + maxZ) / 2;
  const w = maxX - minX;
  const d = maxZ - minZ;
  const { alongX } = along(f);
  b.box(w, 0.04, d, TABLE_TOP, cx, f.height - 0.04, cz);
  b.box(w - 0.02, 0.05, d - 0.02, TABLE_EDGE, cx, f.height - 0.09, cz);
  for (const end of [-1, 1]) {
    if (alongX) b.box(0.05, f.height - 0.09, d * 0.8, TABLE_EDGE, cx + end * (w / 2 - 0.12), 0, cz);
    else b.box(w * 0.8, f.height - 0.09, 0.05, TABLE_EDGE, cx, 0, cz + end * (d / 2 - 0.12));
  }
  // Chairs stand clear of the table: they are not in the plan's furniture and nobody walks into them.
  for (const side of [-1, 1]) {
    const x = alongX ? cx : cx + side * (w / 2 + 0.45);
    const z = alongX ? cz + side * (d / 2 + 0.45) : cz;
    const turn = alongX ? (side < 0 ? Math.PI : 0) : side < 0 ? -Math.PI / 2 : Math.PI / 2;
    const back = 0.22;
    const bx = x + Math.sin(turn) * back;
    const bz = z + Math.cos(turn) * back;
    b.box(0.46, 0.07, 0.44, CHAIR, x, 0.4, z, turn);
    b.box(0.44, 0.45, 0.05, CHAIR, bx, 0.5, bz, turn);
    b.box(0.05, 0.4, 0.05, METAL, x, 0, z, turn);
    b.box(0.36, 0.03, 0.36, METAL, x, 0, z, turn);
  }
}

/**
 * All benches, plants and tables of the hall as one geometry (vertex colours, one material, one draw).
 * `light`: plain blocks instead (the same places, so nobody walks into something unseen).
 */
export function furnitureGeometry(items: Furniture[], light: boolean): BufferGeometry | null {
  const b = new PartBatch();
  const r = seeded(7);
  for (const f of items) {
    const cx = (f.rect.minX + f.rect.maxX) / 2;
    const cz = (f.rect.minZ + f.rect.maxZ) / 2;
    const w = f.rect.maxX - f.rect.minX;
    const d = f.rect.maxZ - f.rect.minZ;
    switch (f.kind) {
      case 'bench':
        if (light) b.box(w, f.height, d, VINYL, cx, 0, cz);
        else bench(b, f);
        break;
      case 'plant':
        if (light) b.box(w * 0.7, f.height, d * 0.7, LEAVES[0]!, cx, 0, cz);
        else plant(b, f, r);
        break;
      case 'table':
        if (light) b.box(w, f.height, d, TABLE_TOP, cx, 0, cz);
        else table(b, f);
        break;
      case 'infoDesk':
        if (light) b.box(w, f.height, d, INFO_BLUE, cx, 0, cz);
        else infoDesk(b, f);
        break;
      case 'stage':
        break;
    }
  }
  return b.build();
}
