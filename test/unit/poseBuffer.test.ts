import { describe, expect, it } from 'vitest';
import { PoseBuffer, lerpAngle } from '../../client/src/store/poseBuffer.ts';

describe('PoseBuffer (remote avatar interpolation)', () => {
  const out = { x: 0, z: 0, ry: 0 };

  it('interpolates between the two samples around the delayed render time', () => {
    const b = new PoseBuffer();
    b.push({ t: 1000, x: 0, z: 0, ry: 0 });
    b.push({ t: 1100, x: 1, z: 2, ry: 0 });
    b.sample(1200, out, 150); // render time 1050: halfway
    expect(out.x).toBeCloseTo(0.5);
    expect(out.z).toBeCloseTo(1);
  });

  it('holds the newest pose instead of extrapolating past it', () => {
    const b = new PoseBuffer();
    b.push({ t: 1000, x: 0, z: 0, ry: 0 });
    b.push({ t: 1100, x: 1, z: 0, ry: 0 });
    b.sample(5000, out, 150);
    expect(out.x).toBe(1);
  });

  it('holds the oldest pose before the first sample, and a single sample everywhere', () => {
    const b = new PoseBuffer();
    b.push({ t: 1000, x: 3, z: 4, ry: 1 });
    b.sample(0, out);
    expect([out.x, out.z, out.ry]).toEqual([3, 4, 1]);
    b.sample(99_999, out);
    expect([out.x, out.z]).toEqual([3, 4]);
  });

  it('moves continuously: successive frames never jump by more than the walked distance', () => {
    const b = new PoseBuffer();
    // 12 Hz samples walking 3.2 m/s along x, delivered with jitter.
    for (let i = 0; i < 12; i++) b.push({ t: 1000 + i * 83 + (i % 3) * 15, x: i * 0.267, z: 0, ry: 0 });
    let prev: number | null = null;
    for (let t = 1200; t < 2000; t += 16) {
      b.sample(t, out, 150);
      if (prev !== null) expect(Math.abs(out.x - prev)).toBeLessThan(0.1);
      prev = out.x;
    }
  });

  it('keeps a bounded history and orders out-of-order timestamps', () => {
    const b = new PoseBuffer();
    for (let i = 0; i < 100; i++) b.push({ t: 1000, x: i, z: 0, ry: 0 });
    expect(b.latest?.x).toBe(99);
    expect(b.latest!.t).toBeGreaterThan(1000);
  });

  it('turns the short way round', () => {
    expect(lerpAngle(3, -3, 0.5)).toBeCloseTo(Math.PI, 1);
    expect(Math.abs(lerpAngle(0.1, -0.1, 0.5))).toBeLessThan(1e-9);
  });
});
