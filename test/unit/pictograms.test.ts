import { describe, expect, it } from 'vitest';
import { PICTOGRAM_KINDS, drawArrow, drawPictogram } from '../../client/src/scene/pictograms.ts';

/**
 * A 2D context reduced to what the pictograms use: it records the points of every path (in canvas pixels,
 * after translate and scale) and which colour each path was filled or stroked with.
 */
class RecordingContext {
  fillStyle = '';
  strokeStyle = '';
  lineWidth = 1;
  lineCap = 'butt';
  lineJoin = 'miter';
  readonly painted: { colour: string; points: [number, number][] }[] = [];
  private points: [number, number][] = [];
  private m = { tx: 0, ty: 0, s: 1 };
  private stack: (typeof this.m)[] = [];
  private at = (x: number, y: number): [number, number] => [
    this.m.tx + x * this.m.s,
    this.m.ty + y * this.m.s,
  ];
  save() {
    this.stack.push({ ...this.m });
  }
  restore() {
    this.m = this.stack.pop() ?? this.m;
  }
  translate(x: number, y: number) {
    [this.m.tx, this.m.ty] = this.at(x, y);
  }
  scale(s: number) {
    this.m.s *= s;
  }
  rotate() {}
  beginPath() {
    this.points = [];
  }
  closePath() {}
  moveTo(x: number, y: number) {
    this.points.push(this.at(x, y));
  }
  lineTo(x: number, y: number) {
    this.points.push(this.at(x, y));
  }
  arc(x: number, y: number, r: number) {
    this.points.push(this.at(x - r, y - r), this.at(x + r, y + r));
  }
  roundRect(x: number, y: number, w: number, h: number) {
    this.points.push(this.at(x, y), this.at(x + w, y + h));
  }
  strokeRect(x: number, y: number, w: number, h: number) {
    this.painted.push({ colour: this.strokeStyle, points: [this.at(x, y), this.at(x + w, y + h)] });
  }
  fill() {
    this.painted.push({ colour: this.fillStyle, points: this.points });
  }
  stroke() {
    this.painted.push({ colour: this.strokeStyle, points: this.points });
  }
}

const asCtx = (c: RecordingContext) => c as unknown as CanvasRenderingContext2D;

describe('pictograms drawn in the project', () => {
  it.each(PICTOGRAM_KINDS)('%s: a coloured square, then a white figure inside it', (kind) => {
    const c = new RecordingContext();
    drawPictogram(asCtx(c), kind, 40, 10, 200);
    const [ground, ...figure] = c.painted;
    expect(ground?.colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(ground?.colour).not.toBe('#ffffff');
    expect(figure.length).toBeGreaterThanOrEqual(2);
    for (const part of figure) {
      expect(part.colour).toBe('#ffffff');
      for (const [x, y] of part.points) {
        expect(x).toBeGreaterThanOrEqual(40);
        expect(x).toBeLessThanOrEqual(240);
        expect(y).toBeGreaterThanOrEqual(10);
        expect(y).toBeLessThanOrEqual(210);
      }
    }
  });

  it('draws each kind differently', () => {
    const shapes = PICTOGRAM_KINDS.map((kind) => {
      const c = new RecordingContext();
      drawPictogram(asCtx(c), kind, 0, 0, 100);
      return JSON.stringify(c.painted.slice(1));
    });
    expect(new Set(shapes).size).toBe(PICTOGRAM_KINDS.length);
  });

  it('keeps an arrow inside its square, in the colour asked for', () => {
    for (const d of ['left', 'right', 'up'] as const) {
      const c = new RecordingContext();
      drawArrow(asCtx(c), d, 10, 10, 80, '#123456');
      expect(c.painted).toHaveLength(1);
      expect(c.painted[0]!.colour).toBe('#123456');
    }
  });
});
