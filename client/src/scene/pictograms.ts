/**
 * Pictograms for the hall's signs, in the manner of the Japanese public information symbols (JIS Z 8210):
 * a white figure of round heads and thick, round-capped limbs on a plain coloured square. Drawn here with
 * canvas paths on a 100 × 100 grid, so no image is downloaded and the figures stay sharp at any size.
 */
export type PictogramKind = 'information' | 'counter' | 'consultation' | 'waiting' | 'auditorium' | 'exit';

export const PICTOGRAM_KINDS: readonly PictogramKind[] = [
  'information',
  'counter',
  'consultation',
  'waiting',
  'auditorium',
  'exit',
];

/** Safety green (JIS Z 9103) for the way out; the hall's guidance blue for everything else. */
export const PICTOGRAM_BACKGROUND: Record<PictogramKind, string> = {
  information: '#2f6fa8',
  counter: '#1c4e80',
  consultation: '#1c4e80',
  waiting: '#1c4e80',
  auditorium: '#1c4e80',
  exit: '#00874f',
};

type Ctx = CanvasRenderingContext2D;

const head = (ctx: Ctx, x: number, y: number, r: number) => {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fill();
};

/** A thick limb through the given points. */
const limb = (ctx: Ctx, width: number, ...points: [number, number][]) => {
  ctx.lineWidth = width;
  ctx.beginPath();
  points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
  ctx.stroke();
};

const block = (ctx: Ctx, x: number, y: number, w: number, h: number, r = 3) => {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
  ctx.fill();
};

/** Shoulders and body of a figure seen from the front, rounded on top. */
const torso = (ctx: Ctx, x: number, y: number, w: number, h: number) => {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, [w * 0.45, w * 0.45, 2, 2]);
  ctx.fill();
};

const FIGURES: Record<PictogramKind, (ctx: Ctx) => void> = {
  // 案内所: a question mark.
  information: (ctx) => {
    ctx.lineWidth = 13;
    ctx.beginPath();
    ctx.arc(50, 35, 17, Math.PI, Math.PI * 2.45);
    ctx.lineTo(50, 62);
    ctx.stroke();
    head(ctx, 50, 81, 8);
  },
  // 受付 / 手続き: a clerk behind the counter, a form on it.
  counter: (ctx) => {
    head(ctx, 44, 24, 11);
    torso(ctx, 27, 39, 34, 24);
    block(ctx, 10, 62, 80, 9, 2);
    block(ctx, 16, 75, 68, 13, 2);
    ctx.save();
    ctx.translate(74, 46);
    ctx.rotate(-0.25);
    block(ctx, -8, -10, 16, 20, 1.5);
    ctx.restore();
  },
  // 相談: two people facing each other across a table.
  consultation: (ctx) => {
    head(ctx, 22, 30, 10);
    head(ctx, 78, 30, 10);
    torso(ctx, 10, 44, 24, 32);
    torso(ctx, 66, 44, 24, 32);
    block(ctx, 36, 54, 28, 7, 2);
    block(ctx, 46, 61, 8, 24, 2);
    block(ctx, 10, 80, 24, 8, 2);
    block(ctx, 66, 80, 24, 8, 2);
  },
  // 待合: a person seated on a bench.
  waiting: (ctx) => {
    head(ctx, 42, 20, 10);
    limb(ctx, 15, [40, 36], [40, 56], [64, 56], [66, 84]);
    limb(ctx, 9, [42, 40], [56, 50]);
    block(ctx, 14, 62, 72, 7, 2);
    block(ctx, 18, 69, 7, 18, 2);
    block(ctx, 75, 69, 7, 18, 2);
  },
  // 講堂 / 会議: a speaker at a lectern before an audience.
  auditorium: (ctx) => {
    head(ctx, 50, 17, 9);
    ctx.beginPath();
    ctx.moveTo(36, 32);
    ctx.lineTo(64, 32);
    ctx.lineTo(60, 52);
    ctx.lineTo(40, 52);
    ctx.closePath();
    ctx.fill();
    for (const x of [20, 50, 80]) {
      head(ctx, x, 68, 8);
      torso(ctx, x - 12, 79, 24, 12);
    }
  },
  // 出口: a person walking out through a doorway.
  exit: (ctx) => {
    ctx.lineWidth = 6;
    ctx.strokeRect(60, 12, 28, 76);
    head(ctx, 36, 20, 9);
    limb(ctx, 11, [34, 33], [30, 57]);
    limb(ctx, 8, [34, 37], [47, 47], [56, 42]);
    limb(ctx, 8, [34, 37], [22, 47], [14, 44]);
    limb(ctx, 9, [30, 57], [44, 70], [50, 86]);
    limb(ctx, 9, [30, 57], [20, 73], [8, 78]);
  },
};

/** Draws the pictogram into the square at (x, y) with side `size`: the coloured ground, then the figure. */
export function drawPictogram(
  ctx: Ctx,
  kind: PictogramKind,
  x: number,
  y: number,
  size: number,
  background = PICTOGRAM_BACKGROUND[kind],
): void {
  ctx.save();
  ctx.translate(x, y);
  ctx.fillStyle = background;
  ctx.beginPath();
  ctx.roundRect(0, 0, size, size, size * 0.08);
  ctx.fill();
  ctx.scale(size / 100, size / 100);
  ctx.fillStyle = '#ffffff';
  ctx.strokeStyle = '#ffffff';
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  FIGURES[kind](ctx);
  ctx.restore();
}

export type ArrowDirection = 'left' | 'right' | 'up';

/** A guidance arrow filling the square at (x, y); `up` means straight ahead. */
export function drawArrow(
  ctx: Ctx,
  direction: ArrowDirection,
  x: number,
  y: number,
  size: number,
  color: string,
) {
  ctx.save();
  ctx.translate(x + size / 2, y + size / 2);
  ctx.rotate(direction === 'right' ? 0 : direction === 'left' ? Math.PI : -Math.PI / 2);
  ctx.scale(size / 100, size / 100);
  ctx.fillStyle = color;
  ctx.beginPath();
  // Pointing right around the centre: a shaft and a wide head.
  ctx.moveTo(-40, -11);
  ctx.lineTo(6, -11);
  ctx.lineTo(6, -34);
  ctx.lineTo(42, 0);
  ctx.lineTo(6, 34);
  ctx.lineTo(6, 11);
  ctx.lineTo(-40, 11);
  ctx.closePath();
  ctx.fill();
  ctx.restore();
}
