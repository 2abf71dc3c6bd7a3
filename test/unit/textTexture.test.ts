import { describe, expect, it } from 'vitest';
import type { CanvasTexture } from 'three';
import { createTextTexture, textureAfterRedraw } from '../../client/src/scene/textTexture.ts';

/** A stand-in canvas: the helper only reads its size. */
const canvasOf = (width: number, height: number) => ({ width, height }) as HTMLCanvasElement;

/**
 * What three.js's WebGL renderer does with a canvas texture, reduced to sizes: the first upload allocates
 * storage at the canvas size (texStorage2D), later uploads copy the whole canvas into it
 * (texSubImage2D). A bigger canvas overflows (GL_INVALID_VALUE); a smaller one leaves old pixels around it.
 */
class FakeGpu {
  private readonly storage = new Map<CanvasTexture, { width: number; height: number; version: number }>();
  readonly faults: string[] = [];

  draw(texture: CanvasTexture): void {
    const canvas = texture.image as HTMLCanvasElement;
    const held = this.storage.get(texture);
    if (!held) {
      this.storage.set(texture, { width: canvas.width, height: canvas.height, version: texture.version });
      return;
    }
    if (held.version === texture.version) return;
    held.version = texture.version;
    if (canvas.width !== held.width || canvas.height !== held.height)
      this.faults.push(`${canvas.width}×${canvas.height} into ${held.width}×${held.height}`);
  }
}

describe('a sign texture redrawn with other text', () => {
  it('keeps the texture and uploads it again when the size stays', () => {
    const canvas = canvasOf(300, 80);
    const first = createTextTexture(canvas);
    const version = first.version;
    const next = textureAfterRedraw(first, canvas);
    expect(next).toBe(first);
    expect(next.version).toBeGreaterThan(version);
  });

  it('gets a new texture for the new size, so no upload overflows or leaves old text', () => {
    const canvas = canvasOf(300, 80);
    const gpu = new FakeGpu();
    let texture = createTextTexture(canvas);
    const made = [texture];
    gpu.draw(texture);
    // A longer title, the same again, a shorter one, then two lines instead of one.
    for (const [w, h] of [
      [520, 80],
      [520, 80],
      [210, 80],
      [210, 140],
    ] as const) {
      canvas.width = w;
      canvas.height = h;
      texture = textureAfterRedraw(texture, canvas);
      if (!made.includes(texture)) made.push(texture);
      gpu.draw(texture);
    }
    expect(gpu.faults).toEqual([]);
    expect(made).toHaveLength(4);
    expect(texture.image).toBe(canvas);
  });

  it('never reuses a texture made for another canvas', () => {
    const other = createTextTexture(canvasOf(300, 80));
    const canvas = canvasOf(300, 80);
    expect(textureAfterRedraw(other, canvas)).not.toBe(other);
  });
});
