import { INTERPOLATION_DELAY_MS } from '../../../shared/constants.ts';

export interface PoseSample {
  t: number;
  x: number;
  z: number;
  ry: number;
}

const MAX_SAMPLES = 12;

/**
 * Recent network poses of one remote avatar. Rendering happens INTERPOLATION_DELAY_MS in the past so
 * there are (almost) always two samples around the render time: movement looks continuous at any patch rate.
 */
export class PoseBuffer {
  private samples: PoseSample[] = [];

  push(sample: PoseSample): void {
    const last = this.samples[this.samples.length - 1];
    if (last && sample.t <= last.t) sample = { ...sample, t: last.t + 1 };
    this.samples.push(sample);
    if (this.samples.length > MAX_SAMPLES) this.samples.shift();
  }

  get latest(): PoseSample | undefined {
    return this.samples[this.samples.length - 1];
  }

  /** Writes the interpolated pose at `now - delay` into `out` (no allocation: called every frame). */
  sample(now: number, out: { x: number; z: number; ry: number }, delay = INTERPOLATION_DELAY_MS): void {
    const s = this.samples;
    if (s.length === 0) return;
    const t = now - delay;
    const first = s[0]!;
    if (s.length === 1 || t <= first.t) {
      out.x = first.x;
      out.z = first.z;
      out.ry = first.ry;
      return;
    }
    for (let i = s.length - 1; i > 0; i--) {
      const a = s[i - 1]!;
      const b = s[i]!;
      if (t >= a.t) {
        // Past the newest sample we hold still rather than extrapolate: a wrong guess looks like a jump.
        const k = t >= b.t ? 1 : (t - a.t) / (b.t - a.t);
        out.x = a.x + (b.x - a.x) * k;
        out.z = a.z + (b.z - a.z) * k;
        out.ry = lerpAngle(a.ry, b.ry, k);
        return;
      }
    }
  }
}

export function lerpAngle(a: number, b: number, k: number): number {
  let d = b - a;
  while (d > Math.PI) d -= 2 * Math.PI;
  while (d < -Math.PI) d += 2 * Math.PI;
  return a + d * k;
}
