import { CanvasTexture, SRGBColorSpace } from 'three';
import { UI_FONT } from '../textTexture.ts';
import type { AtlasCell } from './quadBatch.ts';

const CELL = 64;
const COLUMNS = 8;

/** What a cell of the atlas shows. */
export type AtlasEntry = { kind: 'row'; text: string } | { kind: 'seat'; text: string } | { kind: 'emblem' };

const keyOf = (e: AtlasEntry) => (e.kind === 'emblem' ? 'emblem' : `${e.kind}:${e.text}`);

/** The city's emblem (市章), drawn here: a gold ring around a green hill and blue waves, on white. */
function emblem(ctx: CanvasRenderingContext2D, x: number, y: number) {
  const c = CELL / 2;
  ctx.save();
  ctx.translate(x + c, y + c);
  ctx.fillStyle = '#fbf8f0';
  ctx.beginPath();
  ctx.arc(0, 0, c - 2, 0, Math.PI * 2);
  ctx.fill();
  ctx.strokeStyle = '#c9a13b';
  ctx.lineWidth = 5;
  ctx.beginPath();
  ctx.arc(0, 0, c - 6, 0, Math.PI * 2);
  ctx.stroke();
  ctx.fillStyle = '#2f8a4e';
  ctx.beginPath();
  ctx.moveTo(-18, 6);
  ctx.lineTo(-4, -16);
  ctx.lineTo(4, -6);
  ctx.lineTo(10, -13);
  ctx.lineTo(20, 6);
  ctx.closePath();
  ctx.fill();
  ctx.strokeStyle = '#2a6fb0';
  ctx.lineWidth = 4;
  for (const dy of [11, 19]) {
    ctx.beginPath();
    ctx.moveTo(-19, dy);
    ctx.bezierCurveTo(-10, dy - 6, -4, dy + 6, 4, dy);
    ctx.bezierCurveTo(10, dy - 6, 16, dy + 5, 20, dy);
    ctx.stroke();
  }
  ctx.restore();
}

/** A plate: a navy square with a white letter (row markers), or a brass one with a dark number (seat backs). */
function plate(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  e: Exclude<AtlasEntry, { kind: 'emblem' }>,
) {
  const row = e.kind === 'row';
  ctx.fillStyle = row ? '#1c3f6e' : '#e3cf97';
  ctx.beginPath();
  ctx.roundRect(x + 2, y + 2, CELL - 4, CELL - 4, 8);
  ctx.fill();
  ctx.fillStyle = row ? '#ffffff' : '#2b2118';
  const size = e.text.length > 2 ? 30 : row ? 46 : 40;
  ctx.font = `700 ${size}px ${UI_FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(e.text, x + CELL / 2, y + CELL / 2 + 2);
}

export interface LabelAtlas {
  texture: CanvasTexture;
  cell(e: AtlasEntry): AtlasCell;
  /** Settles once the labels are drawn again in the web font (the scene must then draw a frame). */
  redrawn: Promise<void>;
}

/**
 * One canvas for every small picture of the auditorium (row letters, seat numbers, the emblem), so all
 * of them are one material and one draw call. Text uses the page's web font once it has loaded.
 */
export function labelAtlas(entries: AtlasEntry[]): LabelAtlas {
  const unique = [...new Map(entries.map((e) => [keyOf(e), e])).values()];
  const rows = Math.max(1, Math.ceil(unique.length / COLUMNS));
  const canvas = document.createElement('canvas');
  canvas.width = COLUMNS * CELL;
  canvas.height = rows * CELL;
  const places = new Map<string, AtlasCell>();
  const draw = () => {
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    unique.forEach((e, i) => {
      const x = (i % COLUMNS) * CELL;
      const y = Math.floor(i / COLUMNS) * CELL;
      if (e.kind === 'emblem') emblem(ctx, x, y);
      else plate(ctx, x, y, e);
      // Canvas rows run down, texture coordinates up; half a pixel in, so neighbours never bleed in.
      const inset = 0.5;
      places.set(keyOf(e), {
        u0: (x + inset) / canvas.width,
        u1: (x + CELL - inset) / canvas.width,
        v0: 1 - (y + CELL - inset) / canvas.height,
        v1: 1 - (y + inset) / canvas.height,
      });
    });
  };
  draw();
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  const redrawn =
    'fonts' in document
      ? document.fonts
          .load(`700 40px ${UI_FONT}`, 'A1')
          .then(() => {
            draw();
            texture.needsUpdate = true;
          })
          .catch(() => undefined)
      : Promise.resolve();
  return {
    texture,
    redrawn,
    cell: (e) => places.get(keyOf(e)) ?? { u0: 0, v0: 0, u1: 0, v1: 0 },
  };
}
