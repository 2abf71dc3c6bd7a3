import { describe, expect, it } from 'vitest';
import {
  firstChoice,
  LADDER,
  nextChoice,
  TOP,
  type LayerChoice,
  type LinkSample,
} from '../../client/src/media/layerChoice.ts';

const clean: LinkSample = { lost: 0, received: 500, slowLinks: 0 };
const lossy = (ratio: number): LinkSample => ({
  lost: ratio * 500,
  received: 500 - ratio * 500,
  slowLinks: 0,
});
/** Runs samples 2 s apart from `c`; returns the steps taken after each. */
const run = (c: LayerChoice, samples: LinkSample[]) => {
  const steps: number[] = [];
  for (const s of samples) {
    c = nextChoice(c, s, 2);
    steps.push(c.step);
  }
  return { c, steps };
};

describe('the simulcast layer a viewer asks for', () => {
  it('starts at full size and full frame rate', () => {
    expect(LADDER[firstChoice().step]).toEqual({ substream: 2, temporal: 2 });
  });

  it('steps down at once on loss, two steps when it is heavy, and never below the cheapest', () => {
    expect(run(firstChoice(), [lossy(0.08)]).steps).toEqual([TOP - 1]);
    expect(run(firstChoice(), [lossy(0.3)]).steps).toEqual([TOP - 2]);
    expect(run(firstChoice(), Array(6).fill(lossy(0.3))).steps.at(-1)).toBe(0);
    expect(run(firstChoice(), [{ ...clean, slowLinks: 1 }]).steps).toEqual([TOP - 1]);
  });

  it('a browser that says the link carries too little steps down without waiting for loss', () => {
    expect(run(firstChoice(), [{ ...clean, availableBps: 200_000 }]).steps).toEqual([TOP - 1]);
  });

  it('steps up only after a clean stretch, and waits twice as long after a step up that failed', () => {
    const down = run(firstChoice(), [lossy(0.1)]).c;
    // 8 s of clean link: four samples.
    const up = run(down, Array(4).fill(clean));
    expect(up.steps).toEqual([TOP - 1, TOP - 1, TOP - 1, TOP]);
    // The higher layer is too much again right after: down, and now 16 s before the next try.
    const again = run(up.c, [lossy(0.1), ...Array(7).fill(clean)]);
    expect(again.steps).toEqual([TOP - 1, ...Array(7).fill(TOP - 1)]);
    expect(run(again.c, [clean]).steps).toEqual([TOP]);
  });

  it('middling loss neither steps up nor counts toward it', () => {
    const down = run(firstChoice(), [lossy(0.1)]).c;
    const { c, steps } = run(down, [clean, clean, clean, lossy(0.03), clean, clean, clean]);
    expect(steps.every((s) => s === TOP - 1)).toBe(true);
    expect(c.goodS).toBe(6);
  });
});
