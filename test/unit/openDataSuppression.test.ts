import { describe, expect, it } from 'vitest';
import {
  MIN_PEOPLE,
  SUPPRESSED,
  percentileOf,
  peopleCount,
  peopleGroup,
  peopleRate,
} from '../../server/src/figures/suppression.ts';

const x = SUPPRESSED;

describe('open data suppression: no published cell singles out a person', () => {
  it('counts of 1–4 people are x; none and 5 or more are shown', () => {
    expect(MIN_PEOPLE).toBe(5);
    expect([0, 1, 2, 3, 4, 5, 6, 120].map(peopleCount)).toEqual([0, x, x, x, x, 5, 6, 120]);
  });

  it('a percentile is one person’s value: shown only with 5 people on each side', () => {
    expect(percentileOf(7.5, 9, 0.5)).toBe(x);
    expect(percentileOf(7.5, 10, 0.5)).toBe(7.5);
    // The 90th percentile of 8 waits is the longest wait.
    expect(percentileOf(30, 8, 0.9)).toBe(x);
    expect(percentileOf(30, 49, 0.9)).toBe(x);
    expect(percentileOf(30, 50, 0.9)).toBe(30);
    // Nothing to compute from: "not applicable", not a secret.
    expect(percentileOf(null, 0, 0.5)).toBeNull();
  });

  it('a rate is x when its part, its whole or its rest would be, since rate × whole gives them back', () => {
    expect(peopleRate(0.2, 2, 10)).toBe(x); // 2 no-shows of 10 called
    expect(peopleRate(0.5, 2, 4)).toBe(x);
    expect(peopleRate(1, 4, 4)).toBe(x);
    // 5 no-shows of 6 called: the one who came is singled out.
    expect(peopleRate(5 / 6, 5, 6)).toBe(x);
    expect(peopleRate(0.5, 5, 10)).toBe(0.5);
    expect(peopleRate(1, 12, 12)).toBe(1);
    // None of 12 is fine to say; none of 3 tells about 3 people.
    expect(peopleRate(0, 0, 12)).toBe(0);
    expect(peopleRate(0, 0, 3)).toBe(x);
    expect(peopleRate(null, 0, 0)).toBeNull();
  });

  it('in a group with a published total, a small cell hides every cell under 10, zeros too', () => {
    // Hours whose total (3 + 9 + 6 + 20 = 38) is published: 38 − 20 leaves 18 over three hidden hours.
    expect(peopleGroup([3, 9, 6, 20])).toEqual([x, x, x, 20]);
    expect(peopleGroup([0, 2, 0, 9, 11])).toEqual([x, x, x, x, 11]);
    // Hidden hours adding up to under 10 (2 + 7) could be split too narrowly: the whole day goes.
    expect(peopleGroup([0, 2, 0, 7, 11])).toEqual([x, x, x, x, x]);
    // The reviewer's cases: [1, 1, 20] and [4, 5, 5, 40] hidden together add up to under 10: all x.
    expect(peopleGroup([1, 1, 20])).toEqual([x, x, x]);
    expect(peopleGroup([4, 5, 5, 40])).toEqual([x, x, x, 40]);
    expect(peopleGroup([4, 5, 40])).toEqual([x, x, x]);
    // Nothing small: everything shown, zeros included.
    expect(peopleGroup([5, 0, 9])).toEqual([5, 0, 9]);
    expect(peopleGroup([4])).toEqual([x]);
  });

  it('whatever the cells, the total and the shown cells never pin a hidden cell to 1–4', () => {
    // Every split of the hidden cells that agrees with what is published: if one of them has a small
    // count that every split shares, that cell is given away.
    const pinned = (cells: number[], out: (number | string)[]): boolean => {
      const hiddenAt = out.flatMap((c, i) => (c === x ? [i] : []));
      const total = cells.reduce((a, b) => a + b, 0);
      // A daily total of 1–4 is itself x where it is published.
      if (hiddenAt.length === 0 || (total > 0 && total < MIN_PEOPLE)) return false;
      const shown = out.reduce<number>((a, c) => a + (typeof c === 'number' ? c : 0), 0);
      const left = total - shown;
      // Each hidden cell is 0–9 (only cells under 10 are hidden) unless the whole group is.
      const max = out.every((c) => c === x) ? left : 9;
      for (const at of hiddenAt) {
        const others = hiddenAt.length - 1;
        const low = Math.max(0, left - others * max);
        const high = Math.min(max, left);
        if (low === high && low > 0 && low < MIN_PEOPLE) return true;
        if (high > 0 && high < MIN_PEOPLE && cells[at]! > 0) return true;
      }
      return false;
    };
    for (let seed = 1; seed < 2000; seed++) {
      const cells = Array.from({ length: 2 + (seed % 23) }, (_, i) => ((seed * 31 + i * 17) % 15) - 3).map(
        (n) => Math.max(0, n),
      );
      const out = peopleGroup(cells);
      for (const c of out) if (c !== x) expect(c === 0 || c >= MIN_PEOPLE).toBe(true);
      if (!out.includes(x)) continue;
      expect(pinned(cells, out), `cells ${cells.join(',')} → ${out.join(',')}`).toBe(false);
    }
  });
});
