import { CanvasTexture, type BufferGeometry } from 'three';
import type { HallLayout, Rect, Seat } from '../../../../shared/layout/layoutSchema.ts';
import { wallBox } from '../../../../shared/sim/world.ts';
import { QuadBatch, type AtlasCell } from './quadBatch.ts';

/** The whole shade texture; a wall's strip reads one line of it, from its darkest middle out. */
const WHOLE: AtlasCell = { u0: 0, v0: 0, u1: 1, v1: 1 };
const STRIP: AtlasCell = { u0: 0.5, v0: 0.5, u1: 0.5, v1: 0 };
/** Lifted over the floor and its rugs. */
const SHADE_Y = 0.014;
const SUN_Y = 0.012;
/** How far the soft edge of a shadow reaches past what casts it, by kind of thing. */
const SPREAD = { desk: 0.35, bench: 0.3, plant: 0.3, table: 0.35, stage: 0.6, seatRow: 0.3, wall: 0.55 };

/**
 * A soft dark rectangle, fading from its middle to transparent edges: under a quad the size of what
 * casts it plus its spread, it reads as the contact shadow of a room lit from everywhere (ambient
 * occlusion), baked once instead of computed by shadow maps every frame.
 */
export function shadeTexture(): CanvasTexture {
  const size = 64;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (ctx) {
    const img = ctx.createImageData(size, size);
    const edge = (t: number) => {
      const d = Math.min(t, 1 - t) / 0.32;
      const s = Math.min(1, Math.max(0, d));
      return s * s * (3 - 2 * s);
    };
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++) {
        const a = edge((x + 0.5) / size) * edge((y + 0.5) / size);
        img.data.set([0, 0, 0, Math.round(a * 255)], (y * size + x) * 4);
      }
    ctx.putImageData(img, 0, 0);
  }
  return new CanvasTexture(canvas);
}

const grow = (r: Rect, m: number): Rect => ({
  minX: r.minX - m,
  minZ: r.minZ - m,
  maxX: r.maxX + m,
  maxZ: r.maxZ + m,
});

/**
 * Contact shadows as one geometry: under desks, benches, plants, tables, the stage and each row of
 * seats, and a strip along both faces of every solid wall.
 */
export function shadeGeometry(layout: HallLayout, seats: Seat[]): BufferGeometry | null {
  const q = new QuadBatch();
  const under = (r: Rect, m: number) =>
    q.floor(r.minX - m, r.minZ - m, r.maxX + m, r.maxZ + m, SHADE_Y, WHOLE);
  for (const c of layout.counters) under(c.desk, SPREAD.desk);
  for (const f of layout.furniture) {
    const m = f.kind === 'infoDesk' ? SPREAD.desk : SPREAD[f.kind];
    const r = f.kind === 'plant' ? grow(f.rect, -0.1) : f.rect;
    under(r, m);
  }
  const rows = new Map<string, Rect>();
  for (const s of seats) {
    // One shadow per row of each block: a row's two blocks are apart across the aisle (and its runner).
    const key = `${s.block}|${s.facing === 'north' || s.facing === 'south' ? s.at[1] : s.at[0]}`;
    const seat = { minX: s.at[0] - 0.3, maxX: s.at[0] + 0.3, minZ: s.at[1] - 0.3, maxZ: s.at[1] + 0.3 };
    const r = rows.get(key);
    rows.set(
      key,
      r
        ? {
            minX: Math.min(r.minX, seat.minX),
            minZ: Math.min(r.minZ, seat.minZ),
            maxX: Math.max(r.maxX, seat.maxX),
            maxZ: Math.max(r.maxZ, seat.maxZ),
          }
        : seat,
    );
  }
  for (const r of rows.values()) under(r, SPREAD.seatRow);
  const m = SPREAD.wall;
  // A strip from a wall's face (darkest) out across `m` of floor, along the face's half length `half`.
  const strip = (x: number, z: number, half: number, ox: number, oz: number) =>
    q.add(
      [x + (ox * m) / 2, SHADE_Y, z + (oz * m) / 2],
      [-oz * half, 0, ox * half],
      [(ox * m) / 2, 0, (oz * m) / 2],
      STRIP,
    );
  for (const w of layout.walls) {
    if (w.glass) continue;
    const b = wallBox(w.from, w.to, layout.wallThickness);
    const cx = (b.minX + b.maxX) / 2;
    const cz = (b.minZ + b.maxZ) / 2;
    if (w.from[1] === w.to[1]) {
      strip(cx, b.minZ, (b.maxX - b.minX) / 2, 0, -1);
      strip(cx, b.maxZ, (b.maxX - b.minX) / 2, 0, 1);
    } else {
      strip(b.minX, cz, (b.maxZ - b.minZ) / 2, -1, 0);
      strip(b.maxX, cz, (b.maxZ - b.minZ) / 2, 1, 0);
    }
  }
  return q.build();
}

/**
 * The daylight that comes in through a glass front on the building's edge: a warm patch on the floor
 * inside it, with the shadows of its mullions, drawn once for `panes` panes. The top of the canvas is the
 * glass; the light fades the further in it falls.
 */
export function sunTexture(panes: number): CanvasTexture {
  const w = 256;
  const h = 128;
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (ctx) {
    const fade = ctx.createLinearGradient(0, 0, 0, h);
    fade.addColorStop(0, 'rgba(255,255,255,0.95)');
    fade.addColorStop(0.6, 'rgba(255,255,255,0.55)');
    fade.addColorStop(1, 'rgba(255,255,255,0)');
    ctx.fillStyle = fade;
    ctx.fillRect(0, 0, w, h);
    // Mullion and transom shadows: soft-edged bars cut out of the light.
    ctx.globalCompositeOperation = 'destination-out';
    ctx.filter = 'blur(2px)';
    ctx.fillStyle = 'rgba(0,0,0,0.9)';
    for (let i = 0; i <= panes; i++) ctx.fillRect((i / panes) * (w - 10) + 1, 0, 9, h);
    ctx.fillRect(0, h * 0.42, w, 5);
    ctx.filter = 'none';
    // Soft sides.
    const side = ctx.createLinearGradient(0, 0, w, 0);
    side.addColorStop(0, 'rgba(0,0,0,1)');
    side.addColorStop(0.06, 'rgba(0,0,0,0)');
    side.addColorStop(0.94, 'rgba(0,0,0,0)');
    side.addColorStop(1, 'rgba(0,0,0,1)');
    ctx.fillStyle = side;
    ctx.fillRect(0, 0, w, h);
  }
  return new CanvasTexture(canvas);
}

/** How many panes a glass wall of `length` metres has (EntranceGlass draws their mullions). */
export const panesOf = (length: number): number => Math.max(1, Math.round(length / 1.25));
/** How far in the light falls, and how far it slants sideways on the way (the sun is to the south-west). */
const SUN_DEPTH = 6;
const SUN_SLANT = -1.6;

/** The light patches inside every glass front on the building's edge, as one geometry. */
export function sunGeometry(layout: HallLayout): { geometry: BufferGeometry; panes: number } | null {
  const q = new QuadBatch();
  const b = layout.bounds;
  let panes = 1;
  for (const w of layout.walls) {
    if (!w.glass || w.from[1] !== w.to[1] || (w.from[1] !== b.maxZ && w.from[1] !== b.minZ)) continue;
    const inward = w.from[1] === b.maxZ ? -1 : 1;
    const x0 = Math.min(w.from[0], w.to[0]);
    const x1 = Math.max(w.from[0], w.to[0]);
    panes = panesOf(x1 - x0);
    const z = w.from[1] + inward * layout.wallThickness * 0.5;
    // A parallelogram: the far edge slides sideways as the slanting light falls further in.
    const half = (x1 - x0) / 2;
    const c: [number, number, number] = [(x0 + x1) / 2 + SUN_SLANT / 2, SUN_Y, z + (inward * SUN_DEPTH) / 2];
    q.add(c, [-inward * half, 0, 0], [SUN_SLANT / 2, 0, (inward * SUN_DEPTH) / 2], {
      u0: 0,
      v0: 1,
      u1: 1,
      v1: 0,
    });
  }
  const geometry = q.build();
  return geometry ? { geometry, panes } : null;
}
