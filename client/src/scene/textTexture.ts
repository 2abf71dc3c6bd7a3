import { CanvasTexture, SRGBColorSpace } from 'three';

export const UI_FONT = '"Noto Sans JP", "Hiragino Sans", "Yu Gothic", sans-serif';

export interface TextLine {
  text: string;
  /** Pixel size on the texture canvas. */
  size: number;
  bold?: boolean;
  color: string;
}

export interface TextTextureOptions {
  background?: string;
  padding?: number;
  radius?: number;
  /** Optional square badge drawn left of the lines (e.g. the counter number). */
  badge?: { text: string; background: string; color: string };
  /** Long lines shrink (all lines alike) to fit this many pixels, so a sign never outgrows its counter. */
  maxTextWidth?: number;
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
  const badgeSize = opts.badge ? textHeight : 0;
  let textWidth = 0;
  for (const l of lines) {
    ctx.font = fontOf(l);
    textWidth = Math.max(textWidth, ctx.measureText(l.text).width);
  }
  const width = Math.ceil(textWidth + pad * 2 + (badgeSize ? badgeSize + pad : 0));
  const height = Math.ceil(textHeight + pad * 2);
  canvas.width = width;
  canvas.height = height;
  ctx.clearRect(0, 0, width, height);
  if (opts.background) {
    ctx.fillStyle = opts.background;
    ctx.beginPath();
    ctx.roundRect(0, 0, width, height, opts.radius ?? 12);
    ctx.fill();
  }
  let x = pad;
  if (opts.badge) {
    ctx.fillStyle = opts.badge.background;
    ctx.beginPath();
    ctx.roundRect(pad, pad, badgeSize, badgeSize, 10);
    ctx.fill();
    ctx.fillStyle = opts.badge.color;
    ctx.font = `700 ${Math.round(badgeSize * 0.62)}px ${UI_FONT}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(opts.badge.text, pad + badgeSize / 2, pad + badgeSize / 2 + badgeSize * 0.04);
    x += badgeSize + pad;
  }
  ctx.textAlign = opts.badge ? 'left' : 'center';
  ctx.textBaseline = 'middle';
  let y = pad;
  lines.forEach((l, i) => {
    ctx.font = fontOf(l);
    ctx.fillStyle = l.color;
    const h = lineHeights[i]!;
    ctx.fillText(l.text, opts.badge ? x : width / 2, y + h / 2);
    y += h;
  });
  return width / height;
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
