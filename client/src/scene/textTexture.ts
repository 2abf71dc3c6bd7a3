import { CanvasTexture, SRGBColorSpace } from 'three';
import { drawArrow, drawPictogram, type ArrowDirection, type PictogramKind } from './pictograms.ts';

export const UI_FONT = '"Noto Sans JP", "Hiragino Sans", "Yu Gothic", sans-serif';

export interface TextLine {
  text: string;
  /** Pixel size on the texture canvas. */
  size: number;
  bold?: boolean;
  color: string;
  /** Over maxTextWidth, break at the space that balances the halves before shrinking (long names). */
  wrap?: boolean;
}

export interface TextTextureOptions {
  background?: string;
  padding?: number;
  radius?: number;
  /** Optional square badge drawn left of the lines (e.g. the counter number). */
  badge?: { text: string; background: string; color: string };
  /** Long lines shrink (all lines alike) to fit this many pixels, so a sign never outgrows its counter. */
  maxTextWidth?: number;
  /** A pictogram (pictograms.ts) in the square left of the lines, where a badge would be. */
  pictogram?: { kind: PictogramKind; background?: string };
  /** A guidance arrow at the end it points to (left: before everything; right or up: after the text). */
  arrow?: ArrowDirection;
  /**
   * A colour band along the bottom edge: ties the sign to the floor guidance line of that colour, and
   * names it ("緑の線") when a label is given.
   */
  accent?: { color: string; label?: string };
}

/** Pixel size of the guidance line's name in the colour band. */
const ACCENT_LABEL_PX = 40;

/** Black or white, whichever reads better on `hex` (the yellow and sky-blue lines take black). */
export function readableOn(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast against white (1.05 / (L + 0.05)) against black ((L + 0.05) / 0.05): the larger wins.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? '#ffffff' : '#000000';
}

const fontOf = (l: TextLine) => `${l.bold ? 700 : 400} ${l.size}px ${UI_FONT}`;

/** Loads the web-font glyphs these lines need; signs drawn before that would use a fallback font. */
export function loadFontsFor(lines: TextLine[]): Promise<unknown> {
  if (!('fonts' in document)) return Promise.resolve();
  return Promise.all(lines.map((l) => document.fonts.load(fontOf(l), l.text))).catch(() => undefined);
}

/**
 * Draws text lines into a canvas for a texture. Canvas text uses the page's web font, which covers
 * Japanese without shipping a separate SDF font. Returns the canvas aspect so callers size their plane.
 */
export function drawText(
  canvas: HTMLCanvasElement,
  input: TextLine[],
  opts: TextTextureOptions = {},
): number {
  const ctx = canvas.getContext('2d');
  if (!ctx) return 1;
  let lines = input;
  if (opts.maxTextWidth) {
    const max = opts.maxTextWidth;
    lines = lines.flatMap((l) => (l.wrap ? wrapLine(ctx, l, max) : [l]));
    let widest = 0;
    for (const l of lines) {
      ctx.font = fontOf(l);
      widest = Math.max(widest, ctx.measureText(l.text).width);
    }
    const k = Math.min(1, opts.maxTextWidth / widest);
    if (k < 1) lines = lines.map((l) => ({ ...l, size: Math.floor(l.size * k) }));
  }
  const pad = opts.padding ?? 24;
  const lineHeights = lines.map((l) => Math.ceil(l.size * 1.3));
  const textHeight = lineHeights.reduce((a, b) => a + b, 0);
  const badgeSize = opts.badge || opts.pictogram ? textHeight : 0;
  const arrowSize = opts.arrow ? Math.round(textHeight * 0.8) : 0;
  const accentLabel = opts.accent?.label
    ? { text: opts.accent.label, size: ACCENT_LABEL_PX, bold: true }
    : null;
  const accent = !opts.accent ? 0 : accentLabel ? Math.ceil(ACCENT_LABEL_PX * 1.5) : Math.round(pad * 0.8);
  let textWidth = 0;
  for (const l of lines) {
    ctx.font = fontOf(l);
    textWidth = Math.max(textWidth, ctx.measureText(l.text).width);
  }
  let labelWidth = 0;
  if (accentLabel) {
    ctx.font = fontOf({ ...accentLabel, color: '' });
    labelWidth = ctx.measureText(accentLabel.text).width;
  }
  const width = Math.ceil(
    Math.max(
      textWidth + pad * 2 + (badgeSize ? badgeSize + pad : 0) + (arrowSize ? arrowSize + pad : 0),
      labelWidth + pad * 2,
    ),
  );
  const height = Math.ceil(textHeight + pad * 2 + accent);
  canvas.width = width;
  canvas.height = height;
  ctx.clearRect(0, 0, width, height);
  if (opts.background) {
    ctx.fillStyle = opts.background;
    ctx.beginPath();
    ctx.roundRect(0, 0, width, height, opts.radius ?? 12);
    ctx.fill();
  }
  if (opts.accent) {
    ctx.save();
    ctx.beginPath();
    ctx.roundRect(0, 0, width, height, opts.radius ?? 12);
    ctx.clip();
    ctx.fillStyle = opts.accent.color;
    ctx.fillRect(0, height - accent, width, accent);
    ctx.restore();
    if (accentLabel) {
      ctx.font = fontOf({ ...accentLabel, color: '' });
      ctx.fillStyle = readableOn(opts.accent.color);
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(accentLabel.text, width / 2, height - accent / 2);
    }
  }
  let x = pad;
  const arrowColor = lines[0]?.color ?? '#ffffff';
  if (opts.arrow === 'left') {
    drawArrow(ctx, 'left', x, pad + (textHeight - arrowSize) / 2, arrowSize, arrowColor);
    x += arrowSize + pad;
  }
  if (opts.pictogram) {
    drawPictogram(ctx, opts.pictogram.kind, x, pad, badgeSize, opts.pictogram.background);
    x += badgeSize + pad;
  } else if (opts.badge) {
    ctx.fillStyle = opts.badge.background;
    ctx.beginPath();
    ctx.roundRect(x, pad, badgeSize, badgeSize, 10);
    ctx.fill();
    ctx.fillStyle = opts.badge.color;
    ctx.font = `700 ${Math.round(badgeSize * 0.62)}px ${UI_FONT}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(opts.badge.text, x + badgeSize / 2, pad + badgeSize / 2 + badgeSize * 0.04);
    x += badgeSize + pad;
  }
  if (opts.arrow === 'right' || opts.arrow === 'up')
    drawArrow(
      ctx,
      opts.arrow,
      width - pad - arrowSize,
      pad + (textHeight - arrowSize) / 2,
      arrowSize,
      arrowColor,
    );
  const leftAligned = Boolean(opts.badge || opts.pictogram || opts.arrow);
  ctx.textAlign = leftAligned ? 'left' : 'center';
  ctx.textBaseline = 'middle';
  let y = pad;
  lines.forEach((l, i) => {
    ctx.font = fontOf(l);
    ctx.fillStyle = l.color;
    const h = lineHeights[i]!;
    ctx.fillText(l.text, leftAligned ? x : width / 2, y + h / 2);
    y += h;
  });
  return width / height;
}

/** `line` as one line if it fits in `max` pixels, else two, split at the space that balances them best. */
function wrapLine(ctx: CanvasRenderingContext2D, line: TextLine, max: number): TextLine[] {
  ctx.font = fontOf(line);
  const width = (t: string) => ctx.measureText(t).width;
  if (width(line.text) <= max) return [line];
  let best: [string, string] | null = null;
  let bestWidth = Infinity;
  for (let i = line.text.indexOf(' '); i > 0; i = line.text.indexOf(' ', i + 1)) {
    // A separator dot left at either end of the break would only dangle there.
    const halves: [string, string] = [
      line.text.slice(0, i).replace(/[\s·]+$/, ''),
      line.text.slice(i + 1).replace(/^[\s·]+/, ''),
    ];
    const w = Math.max(width(halves[0]), width(halves[1]));
    if (halves[0] && halves[1] && w < bestWidth) {
      best = halves;
      bestWidth = w;
    }
  }
  return best ? best.map((text) => ({ ...line, text })) : [line];
}

/** The canvas size each text texture was made for: three.js sizes its GPU storage once, from the canvas. */
const madeFor = new WeakMap<CanvasTexture, { width: number; height: number }>();

export function createTextTexture(canvas: HTMLCanvasElement): CanvasTexture {
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  texture.anisotropy = 4;
  madeFor.set(texture, { width: canvas.width, height: canvas.height });
  return texture;
}

/**
 * The texture to show `canvas` once it has been drawn again. three.js allocates a texture's storage once,
 * at the canvas size of its first upload, and later uploads copy into that storage: a canvas redrawn at
 * another size (new text, a font arriving, another language) overflows it (GL_INVALID_VALUE) and the sign
 * keeps parts of its old text. So another size gets a new texture; the caller disposes `previous` once it
 * no longer shows it. The same size reuses `previous`, marked for upload.
 */
export function textureAfterRedraw(previous: CanvasTexture, canvas: HTMLCanvasElement): CanvasTexture {
  const size = madeFor.get(previous);
  if (previous.image === canvas && size?.width === canvas.width && size.height === canvas.height) {
    previous.needsUpdate = true;
    return previous;
  }
  return createTextTexture(canvas);
}
