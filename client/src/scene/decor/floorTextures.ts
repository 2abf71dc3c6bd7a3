import { CanvasTexture, RepeatWrapping, SRGBColorSpace } from 'three';
import type { AreaKind } from '../../../../shared/layout/layoutSchema.ts';

/**
 * Floor patterns drawn on small canvases at start-up (nothing downloaded), in greys near white: the
 * area's floorColor tints them through vertex colours, so an admin's colours still show. Each covers
 * `metres` of floor and repeats.
 */
export interface FloorPattern {
  texture: CanvasTexture;
  metres: number;
}

/** A small seeded generator: the same floor every time (and in every screenshot). */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const grey = (v: number, a = 1) => {
  const c = Math.max(0, Math.min(255, Math.round(v * 255)));
  return `rgba(${c},${c},${c},${a})`;
};

/** Fine specks over the whole canvas: stone grain, carpet fibre, vinyl chips. */
function specks(ctx: CanvasRenderingContext2D, size: number, n: number, spread: number, r: () => number) {
  for (let i = 0; i < n; i++) {
    ctx.fillStyle = grey(0.5 + (r() - 0.5) * 2 * spread + 0.4, 0.5);
    const s = r() < 0.2 ? 2 : 1;
    ctx.fillRect(Math.floor(r() * size), Math.floor(r() * size), s, s);
  }
}

/** Lobby: 60 cm polished stone tiles, each a shade of its own, with light grout. */
function stone(ctx: CanvasRenderingContext2D, size: number, r: () => number) {
  const tile = size / 2;
  for (let i = 0; i < 2; i++)
    for (let j = 0; j < 2; j++) {
      ctx.fillStyle = grey(0.8 + r() * 0.08);
      ctx.fillRect(i * tile, j * tile, tile, tile);
    }
  specks(ctx, size, size * size * 0.35, 0.12, r);
  ctx.fillStyle = grey(0.97);
  for (let k = 0; k < 2; k++) {
    ctx.fillRect(k * tile, 0, 2, size);
    ctx.fillRect(0, k * tile, size, 2);
  }
}

/** Counters: 50 cm carpet tiles laid in quarter turns (the stripes cross), as in most offices. */
function carpet(ctx: CanvasRenderingContext2D, size: number, r: () => number) {
  const tile = size / 2;
  ctx.fillStyle = grey(0.8);
  ctx.fillRect(0, 0, size, size);
  for (let i = 0; i < 2; i++)
    for (let j = 0; j < 2; j++) {
      const across = (i + j) % 2 === 0;
      for (let k = 0; k < tile; k += 2) {
        ctx.fillStyle = grey(0.76 + r() * 0.1, 0.9);
        if (across) ctx.fillRect(i * tile, j * tile + k, tile, 1);
        else ctx.fillRect(i * tile + k, j * tile, 1, tile);
      }
    }
  specks(ctx, size, size * size * 0.5, 0.1, r);
  ctx.fillStyle = grey(0.68, 0.6);
  for (let k = 0; k < 2; k++) {
    ctx.fillRect(k * tile, 0, 1, size);
    ctx.fillRect(0, k * tile, size, 1);
  }
}

/** Auditorium: wooden boards (flooring strips) with grain and staggered joints. */
function wood(ctx: CanvasRenderingContext2D, size: number, r: () => number) {
  const boards = 16;
  const h = size / boards;
  for (let b = 0; b < boards; b++) {
    const base = 0.72 + r() * 0.14;
    ctx.fillStyle = grey(base);
    ctx.fillRect(0, b * h, size, h);
    for (let g = 0; g < 5; g++) {
      ctx.strokeStyle = grey(base - 0.08 - r() * 0.06, 0.55);
      ctx.lineWidth = 1;
      ctx.beginPath();
      const y = b * h + 1 + r() * (h - 2);
      ctx.moveTo(0, y);
      for (let x = 0; x <= size; x += 16) ctx.lineTo(x, y + Math.sin(x / 23 + b) * 0.8);
      ctx.stroke();
    }
    ctx.fillStyle = grey(base - 0.25);
    ctx.fillRect(0, b * h, size, 1);
    const joint = Math.floor(r() * size);
    ctx.fillRect(joint, b * h, 1, h);
  }
}

/** Corridor: a sheet vinyl floor (長尺シート) with chips of colour-less grey. */
function vinyl(ctx: CanvasRenderingContext2D, size: number, r: () => number) {
  ctx.fillStyle = grey(0.9);
  ctx.fillRect(0, 0, size, size);
  specks(ctx, size, size * size * 0.2, 0.2, r);
}

/** Consultation rooms: a soft, even carpet (quiet rooms). */
function softCarpet(ctx: CanvasRenderingContext2D, size: number, r: () => number) {
  ctx.fillStyle = grey(0.86);
  ctx.fillRect(0, 0, size, size);
  specks(ctx, size, size * size * 0.8, 0.09, r);
}

const DRAW: Record<AreaKind, { draw: typeof stone; size: number; metres: number }> = {
  lobby: { draw: stone, size: 128, metres: 1.2 },
  counters: { draw: carpet, size: 128, metres: 1 },
  auditorium: { draw: wood, size: 256, metres: 2.4 },
  corridor: { draw: vinyl, size: 64, metres: 1 },
  consultation: { draw: softCarpet, size: 64, metres: 0.8 },
};

const made = new Map<AreaKind, FloorPattern>();

/** The pattern of a kind of area, drawn once per page. */
export function floorPattern(kind: AreaKind): FloorPattern {
  const known = made.get(kind);
  if (known) return known;
  const { draw, size, metres } = DRAW[kind];
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (ctx) draw(ctx, size, seeded(size + metres * 100));
  const texture = new CanvasTexture(canvas);
  texture.wrapS = texture.wrapT = RepeatWrapping;
  texture.colorSpace = SRGBColorSpace;
  const pattern = { texture, metres };
  made.set(kind, pattern);
  return pattern;
}
