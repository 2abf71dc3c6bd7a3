import { CylinderGeometry, IcosahedronGeometry, type BufferGeometry } from 'three';
import type { Furniture, HallLayout } from '../../../../shared/layout/layoutSchema.ts';
import { PartBatch } from './partBatch.ts';

const BODY = '#4a3b30';
const BOARDS = '#c89b68';
const CURTAIN = ['#7c1f2c', '#611723'];
const LECTERN = '#7a5030';
const LECTERN_TOP = '#93633d';
const FLOWERS = ['#f3a6b8', '#ffffff', '#f7d774', '#e86a8a'];

/** How deep each step is, and how much of the stage's front the steps at each end take. */
const STEP_DEPTH = 0.4;
const STEPS = 3;
const STEPS_WIDTH = 1.2;

/**
 * The stage's own frame: u along its front edge, v from the back wall towards the audience (the side
 * facing the middle of the area it stands in), turned into floor coordinates.
 */
export interface StageFrame {
  length: number;
  depth: number;
  turn: number;
  at(u: number, v: number): [number, number];
}

export function stageFrame(stage: Furniture, layout: HallLayout): StageFrame {
  const r = stage.rect;
  const cx = (r.minX + r.maxX) / 2;
  const cz = (r.minZ + r.maxZ) / 2;
  const area = layout.areas.find(
    (a) => a.rect.minX <= cx && cx <= a.rect.maxX && a.rect.minZ <= cz && cz <= a.rect.maxZ,
  );
  const ax = area ? (area.rect.minX + area.rect.maxX) / 2 - cx : 0;
  const az = area ? (area.rect.minZ + area.rect.maxZ) / 2 - cz : 1;
  const w = r.maxX - r.minX;
  const d = r.maxZ - r.minZ;
  // The audience is towards the area's middle, along the axis it lies further along.
  if (Math.abs(az) >= Math.abs(ax)) {
    const s = az >= 0 ? 1 : -1;
    return { length: w, depth: d, turn: s > 0 ? 0 : Math.PI, at: (u, v) => [cx + u * s, cz + v * s] };
  }
  const s = ax >= 0 ? 1 : -1;
  return { length: d, depth: w, turn: (s * Math.PI) / 2, at: (u, v) => [cx + v * s, cz - u * s] };
}

/** Where the lectern stands (its front faces the audience), in the stage's frame. */
export function lecternSpot(f: StageFrame): { u: number; v: number } {
  return { u: f.length / 2 - 2.2, v: f.depth / 2 - 0.8 };
}
export const LECTERN_SIZE = { w: 0.8, h: 1.1, d: 0.5 };

/**
 * The auditorium's stage as one geometry: a dark body with a board floor, three steps at each front
 * corner, a pleated curtain across the back wall, a lectern (演台) and a flower arrangement beside it.
 * The steps lie inside the stage's rect: the plan keeps it solid, so nobody walks through them.
 */
export function stageGeometry(stage: Furniture, layout: HallLayout, light: boolean): BufferGeometry | null {
  const f = stageFrame(stage, layout);
  const b = new PartBatch();
  const h = stage.height;
  const put = (w: number, hh: number, d: number, color: string, u: number, y: number, v: number) => {
    const [x, z] = f.at(u, v);
    b.box(w, hh, d, color, x, y, z, f.turn);
  };
  const platform = (w: number, d: number, u: number, v: number, top: number) => {
    put(w, top - 0.03, d, BODY, u, 0, v);
    put(w + 0.02, 0.03, d + 0.02, BOARDS, u, top - 0.03, v);
  };
  const L = f.length;
  const D = f.depth;
  platform(L - 2 * STEPS_WIDTH, D, 0, 0, h);
  for (const end of [-1, 1]) {
    const u = end * (L / 2 - STEPS_WIDTH / 2);
    const stepsDepth = STEP_DEPTH * STEPS;
    platform(STEPS_WIDTH, D - stepsDepth, u, -stepsDepth / 2, h);
    for (let i = 0; i < STEPS; i++) {
      const top = (h * (STEPS - i)) / (STEPS + 1);
      platform(STEPS_WIDTH - 0.1, STEP_DEPTH, u, D / 2 - stepsDepth + STEP_DEPTH * (i + 0.5), top);
    }
  }
  if (light) return b.build();

  // Pleats: narrow panels zig-zagging a few centimetres, in two shades, close to the wall (the stage
  // screen's top edge hangs 12 cm from it).
  const pleats = Math.round(L / 0.35);
  for (let i = 0; i < pleats; i++) {
    const u = -L / 2 + (L / pleats) * (i + 0.5);
    put(L / pleats + 0.01, 3.6, 0.04, CURTAIN[i % 2]!, u, h, -D / 2 + 0.04 + (i % 2) * 0.03);
  }
  put(L, 0.5, 0.05, CURTAIN[1]!, 0, h + 3.1, -D / 2 + 0.08);

  const spot = lecternSpot(f);
  const { w, h: lh, d } = LECTERN_SIZE;
  put(w, lh - 0.06, d, LECTERN, spot.u, h, spot.v);
  put(w + 0.1, 0.06, d + 0.12, LECTERN_TOP, spot.u, h + lh - 0.06, spot.v - 0.02);
  put(w - 0.1, 0.04, 0.04, LECTERN_TOP, spot.u, h + 0.05, spot.v + d / 2);
  const [mx, mz] = f.at(spot.u - 0.2, spot.v + 0.1);
  b.add(new CylinderGeometry(0.008, 0.008, 0.35, 4, 1, true), '#222222', mx, h + lh + 0.15, mz);
  b.add(new CylinderGeometry(0.02, 0.015, 0.06, 6), '#222222', mx, h + lh + 0.33, mz);

  // 生け花 on a small stand beside the lectern, as at every ceremony.
  const [fx, fz] = f.at(spot.u - 1.2, spot.v + 0.1);
  b.add(new CylinderGeometry(0.16, 0.18, 0.7, 8), '#3a2c22', fx, h + 0.35, fz);
  b.add(new CylinderGeometry(0.14, 0.1, 0.16, 8), '#d9d3c7', fx, h + 0.78, fz);
  for (let i = 0; i < 7; i++) {
    const a = (i / 7) * Math.PI * 2;
    const r = i === 0 ? 0 : 0.14;
    const flower = new IcosahedronGeometry(i === 0 ? 0.12 : 0.09, 0);
    b.add(
      flower,
      i % 3 === 0 ? '#4f8f4a' : FLOWERS[i % FLOWERS.length]!,
      fx + Math.cos(a) * r,
      h + 0.98 + (i % 2) * 0.08,
      fz + Math.sin(a) * r,
    );
  }
  return b.build();
}
