import { UI_FONT, type TextLine } from './textTexture.ts';
import { BOARD_NUMBERS } from '../../../shared/state/numberBoard.ts';

/** What one counter's board shows, with its labels already in the sign's two languages. */
export interface BoardContent {
  calling: readonly number[];
  /** 「呼出中」 in the UI language, then in the sign's second language. */
  callingLabel: readonly [string, string];
  /** 「お待ち N人」 likewise. */
  waitingLabel: readonly [string, string];
}

/**
 * The canvas has one fixed size whatever it says, so a redraw reuses the texture's storage and the blink
 * patch always covers the same place. Wide rather than tall: 「呼出中」 beside the numbers, 「お待ち」
 * beneath, so the digits can be large enough to read from the default camera.
 */
export const BOARD_W = 840;
export const BOARD_H = 340;
const PAD = 16;
const GAP = 8;
const LABEL_W = 236;
const NUMBERS_X = PAD + LABEL_W + GAP;
const NUMBERS_H = 200;
const SLOT_W = (BOARD_W - PAD - NUMBERS_X - GAP * (BOARD_NUMBERS - 1)) / BOARD_NUMBERS;
const WAITING_Y = PAD + NUMBERS_H + GAP;

const LED_NEW = '#ffb020';
const LED_OLD = '#d48a12';
const LED_OFF = '#3b2f22';
const LED_GREEN = '#7ee08a';
const PANEL = '#16191c';
const SECOND = '#9aa4ad';
/** The recessed well behind each number; the blink patch is drawn in it. */
export const SLOT_COLOUR = '#0b0c0d';

/** Where a number sits on the board (canvas pixels); slot 0, on the left, holds the latest call. */
export function slotRect(i: number): { x: number; y: number; w: number; h: number } {
  return { x: NUMBERS_X + i * (SLOT_W + GAP), y: PAD, w: SLOT_W, h: NUMBERS_H };
}

/** The labels' lines, for loading their glyphs from the web font before the final draw. */
export function boardLines(c: BoardContent): TextLine[] {
  return [
    { text: c.callingLabel[0], size: 52, bold: true, color: '' },
    { text: c.callingLabel[1], size: 26, color: '' },
    { text: c.waitingLabel[0], size: 50, bold: true, color: '' },
    { text: c.waitingLabel[1], size: 26, color: '' },
    { text: '0123456789—', size: 150, bold: true, color: '' },
  ];
}

/** Writes `text` centred at (x, y), shrunk to `maxWidth` when a language needs more room. */
function fitText(
  ctx: CanvasRenderingContext2D,
  text: string,
  at: { x: number; y: number; size: number; bold?: boolean; maxWidth: number },
) {
  const font = (size: number) => `${at.bold ? 700 : 400} ${size}px ${UI_FONT}`;
  ctx.font = font(at.size);
  const w = ctx.measureText(text).width;
  if (w > at.maxWidth) ctx.font = font(Math.floor((at.size * at.maxWidth) / w));
  ctx.fillText(text, at.x, at.y);
}

/**
 * A called-number board as residents know it from the real hall: a dark panel, 「呼出中」 beside up to three
 * amber LED numbers (the latest first, left) and 「お待ち N人」 in green beneath; each label with the sign's
 * second language small under it.
 */
export function drawNumberBoard(canvas: HTMLCanvasElement, c: BoardContent): void {
  canvas.width = BOARD_W;
  canvas.height = BOARD_H;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.clearRect(0, 0, BOARD_W, BOARD_H);
  ctx.fillStyle = '#3a3f45';
  ctx.beginPath();
  ctx.roundRect(0, 0, BOARD_W, BOARD_H, 14);
  ctx.fill();
  ctx.fillStyle = PANEL;
  ctx.beginPath();
  ctx.roundRect(5, 5, BOARD_W - 10, BOARD_H - 10, 10);
  ctx.fill();

  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const labelX = PAD + LABEL_W / 2;
  ctx.fillStyle = '#f1f3f5';
  fitText(ctx, c.callingLabel[0], { x: labelX, y: PAD + 78, size: 52, bold: true, maxWidth: LABEL_W - 8 });
  ctx.fillStyle = SECOND;
  fitText(ctx, c.callingLabel[1], { x: labelX, y: PAD + 132, size: 26, maxWidth: LABEL_W - 8 });

  for (let i = 0; i < BOARD_NUMBERS; i++) {
    const r = slotRect(i);
    ctx.fillStyle = SLOT_COLOUR;
    ctx.fillRect(r.x, r.y, r.w, r.h);
    const n = c.calling[i];
    const lit = n !== undefined;
    const colour = !lit ? LED_OFF : i === 0 ? LED_NEW : LED_OLD;
    ctx.fillStyle = colour;
    // A soft glow, as lit LEDs have; none for an empty slot.
    ctx.shadowColor = lit ? colour : 'transparent';
    ctx.shadowBlur = lit ? 16 : 0;
    fitText(ctx, lit ? String(n) : '—', {
      x: r.x + r.w / 2,
      y: r.y + r.h / 2 + 8,
      size: 150,
      bold: true,
      maxWidth: r.w - 14,
    });
    ctx.shadowBlur = 0;
  }
  // The dot pitch of an LED matrix: thin dark lines across the numbers.
  ctx.fillStyle = 'rgba(11, 12, 13, 0.55)';
  const right = BOARD_W - PAD;
  for (let y = PAD + 3; y < PAD + NUMBERS_H; y += 7) ctx.fillRect(NUMBERS_X, y, right - NUMBERS_X, 2);
  for (let x = NUMBERS_X + 3; x < right; x += 7) ctx.fillRect(x, PAD, 2, NUMBERS_H);

  ctx.fillStyle = LED_GREEN;
  fitText(ctx, c.waitingLabel[0], {
    x: BOARD_W / 2,
    y: WAITING_Y + 38,
    size: 50,
    bold: true,
    maxWidth: BOARD_W - PAD * 2,
  });
  ctx.fillStyle = SECOND;
  fitText(ctx, c.waitingLabel[1], {
    x: BOARD_W / 2,
    y: WAITING_Y + 86,
    size: 26,
    maxWidth: BOARD_W - PAD * 2,
  });
}
