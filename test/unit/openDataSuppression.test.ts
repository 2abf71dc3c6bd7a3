import { describe, expect, it } from 'vitest';
import {
  MIN_PEOPLE,
  SUPPRESSED,
  fromPeople,
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

  it('a value computed from fewer than 5 people is x (the median of 3 waits is one person’s wait)', () => {
    expect(fromPeople(7.5, 3)).toBe(x);
    expect(fromPeople(7.5, 4)).toBe(x);
    expect(fromPeople(7.5, 5)).toBe(7.5);
    // Nothing to compute from: "not applicable", not a secret.
    expect(fromPeople(null, 0)).toBeNull();
  });

  it('a rate is x when its part or its whole would be, since rate × whole gives the part back', () => {
    expect(peopleRate(0.2, 2, 10)).toBe(x); // 2 no-shows of 10 called
    expect(peopleRate(0.5, 2, 4)).toBe(x);
    expect(peopleRate(1, 4, 4)).toBe(x);
    expect(peopleRate(0.5, 5, 10)).toBe(0.5);
    // None of 12 is fine to say; none of 3 tells about 3 people.
    expect(peopleRate(0, 0, 12)).toBe(0);
    expect(peopleRate(0, 0, 3)).toBe(x);
    expect(peopleRate(null, 0, 0)).toBeNull();
  });

  it('in a group with a published total, a lone x is joined by the next smallest count', () => {
    // Hours of a day whose total (3 + 9 + 6 + 20 = 38) is published: 38 − 9 − 6 − 20 would give the 3.
    expect(peopleGroup([3, 9, 6, 20])).toEqual([x, 9, x, 20]);
    // Zeros are not "next smallest": they count nobody and stay.
    expect(peopleGroup([0, 2, 0, 7, 11])).toEqual([0, x, 0, x, 11]);
    // Two or more x already hide each other; none needs nothing.
    expect(peopleGroup([1, 2, 8])).toEqual([x, x, 8]);
    expect(peopleGroup([5, 0, 9])).toEqual([5, 0, 9]);
    // All small: the total is small too (and is itself x where it is published).
    expect(peopleGroup([4])).toEqual([x]);
  });

  it('whatever the cells, nothing published is 1–4 and no group has a lone x', () => {
    for (let seed = 1; seed < 500; seed++) {
      const cells = Array.from({ length: 1 + (seed % 7) }, (_, i) => ((seed * 31 + i * 17) % 13) - 2).map(
        (n) => Math.max(0, n),
      );
      const out = peopleGroup(cells);
      for (const c of out) if (c !== x) expect(c === 0 || c >= MIN_PEOPLE).toBe(true);
      const lone = out.filter((c) => c === x).length === 1;
      // A lone x is only possible when every other cell is 0: then the total is that cell, under 5.
      if (lone) expect(out.every((c) => c === x || c === 0)).toBe(true);
    }
  });
});
