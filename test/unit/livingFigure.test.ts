import { describe, expect, it } from 'vitest';
import { CrowdBatch } from '../../client/src/scene/crowdBatch.ts';
import { FIGURE_VERTICES, SEAT_TOP } from '../../client/src/scene/avatarParts.ts';
import { newPose, poseOf, restingMotion } from '../../client/src/scene/figurePose.ts';
import { lookOf, writeFigure } from '../../client/src/scene/figureWriter.ts';
import { WalkTracker } from '../../client/src/scene/walkTracker.ts';

/** The figure written alone, standing at the origin facing +z; its vertices' positions. */
function figure(edit: (m: ReturnType<typeof restingMotion>) => void, staff = false): number[] {
  const batch = new CrowdBatch({ normal: true, uv: false }, FIGURE_VERTICES);
  const m = restingMotion();
  edit(m);
  batch.begin(FIGURE_VERTICES);
  lookOf('#1971c2', staff, false);
  writeFigure(batch, 0, 0, 0, 0, poseOf(m, newPose()), m.sitting);
  batch.end();
  return Array.from(batch.geometry.getAttribute('position').array).slice(0, batch.vertices * 3);
}
const column = (xyz: number[], k: number) => xyz.filter((_, i) => i % 3 === k);

describe('the living figure', () => {
  it('stands about 1.8 m tall on the floor, in at most the vertices the batches are sized for', () => {
    const ys = column(
      figure(() => {}),
      1,
    );
    expect(Math.min(...ys)).toBeCloseTo(0, 2);
    expect(Math.max(...ys)).toBeGreaterThan(1.75);
    expect(Math.max(...ys)).toBeLessThan(1.85);
    expect(figure(() => {}, true).length / 3).toBe(FIGURE_VERTICES);
    expect(figure(() => {}).length / 3).toBeLessThan(FIGURE_VERTICES);
  });

  it('swings its legs forward and back as the walk cycle turns', () => {
    const stepL = figure((m) => ((m.phase = Math.PI / 2), (m.stride = 1)));
    const stepR = figure((m) => ((m.phase = -Math.PI / 2), (m.stride = 1)));
    // The lowest vertices (feet) reach further forward (+z) on one step than the other, and vice versa.
    const footReach = (xyz: number[], side: number) => {
      let best = -Infinity;
      for (let i = 0; i < xyz.length; i += 3)
        if (xyz[i + 1]! < 0.2 && Math.sign(xyz[i]!) === side) best = Math.max(best, xyz[i + 2]!);
      return best;
    };
    expect(footReach(stepL, 1)).toBeGreaterThan(footReach(stepR, 1) + 0.2);
    expect(footReach(stepR, -1)).toBeGreaterThan(footReach(stepL, -1) + 0.2);
  });

  it('sits with its hips on the seat and its feet on the floor', () => {
    const seated = figure((m) => (m.sitting = true));
    const ys = column(seated, 1);
    expect(Math.min(...ys)).toBeGreaterThan(-0.05);
    expect(Math.max(...ys)).toBeLessThan(1.85 - 0.3);
    const pose = poseOf({ ...restingMotion(), sitting: true }, newPose());
    expect(pose.hipL).toBeCloseTo(-Math.PI / 2);
    expect(SEAT_TOP).toBe(0.5);
  });

  it('raises its right hand above its head to wave', () => {
    const waving = figure((m) => (m.waveS = 1));
    const still = figure(() => {});
    // The figure's right is -x: something on that side is now higher than the head.
    const highestRight = (xyz: number[]) => Math.max(...column(xyz, 1).filter((_, i) => xyz[i * 3]! < -0.3));
    expect(highestRight(waving)).toBeGreaterThan(1.9);
    expect(highestRight(still)).toBeLessThan(1.5);
  });

  it('tells walking from standing by the distance covered, and ignores a jump', () => {
    const w = new WalkTracker();
    w.update(0, 0, 1 / 30);
    for (let i = 1; i <= 30; i++) w.update(0, (i * 1.3) / 30, 1 / 30);
    expect(w.walking).toBe(true);
    // A second at 1.3 m/s is two steps: the phase turned by 2π for 1.3 m.
    expect(w.phase).toBeCloseTo((1.3 / 0.65) * Math.PI, 5);
    for (let i = 0; i < 30; i++) w.update(0, 1.3, 1 / 30);
    expect(w.walking).toBe(false);
    const phase = w.phase;
    w.update(10, 10, 1 / 30);
    expect(w.walking).toBe(false);
    expect(w.phase).toBe(phase);
  });
});
