/**
 * Open data must not let anyone single out a person, so a published cell that counts people is shown
 * only when it counts none or at least MIN_PEOPLE. What a suppressed cell would give away by other
 * routes is suppressed as well:
 * - a value derived from fewer than MIN_PEOPLE people (the median of 3 waits is one person's wait), and
 *   a percentile unless at least MIN_PEOPLE values lie on each side of it (the 90th percentile of 8
 *   waits is the longest one);
 * - a rate whose part, whole or remainder would be (rate × whole gives the part back; 5 no-shows of 6
 *   called says one person came);
 * - in a group whose total is published (the hours of a day), the cells that total and the shown cells
 *   would pin down: see peopleGroup.
 * Zero is shown where nothing is suppressed: it counts nobody.
 */

export const MIN_PEOPLE = 5;

/** Written in place of a suppressed cell (as in the statistics of Japanese government, 秘匿 "x"). */
export const SUPPRESSED = 'x';
export type Suppressed = typeof SUPPRESSED;
export type Published<T> = T | Suppressed;

const tooFew = (n: number) => n > 0 && n < MIN_PEOPLE;

/** A count of people. */
export function peopleCount(n: number): Published<number> {
  return tooFew(n) ? SUPPRESSED : n;
}

/**
 * The `p`-th percentile (0–1) of `basis` people's values: it is one person's value, so it is shown only
 * with at least MIN_PEOPLE people below and above it (the median from 10 people, the 90th from 50).
 */
export function percentileOf<T>(value: T | null, basis: number, p: number): Published<T> | null {
  if (value === null) return null;
  // Rounded: 50 × (1 − 0.9) is 4.999… in floating point, and 5 people are above the 90th of 50.
  return Math.round(basis * Math.min(p, 1 - p) * 1e6) / 1e6 < MIN_PEOPLE ? SUPPRESSED : value;
}

/** A rate `part / whole` of people: shown only when the part, the rest and the whole all may be. */
export function peopleRate(value: number | null, part: number, whole: number): Published<number> | null {
  if (value === null) return null;
  return tooFew(part) || tooFew(whole - part) || whole < MIN_PEOPLE ? SUPPRESSED : value;
}

/** Hours under this are hidden together once any hour of the group is: they hide each other. */
const GROUP_HIDE_BELOW = 2 * MIN_PEOPLE;

/**
 * The cells of a group whose total is published elsewhere (the hours of a day whose daily count is
 * published). Without a cell of 1–4 people every cell is shown. Otherwise every cell under 10 is x,
 * zeros too (a shown zero would tell which hidden cells count somebody); if those hidden cells add up
 * to fewer than 10, every cell of the group is x. Then the total minus the shown cells leaves at least
 * 10 people spread over at least two cells of 0–9 each, which no arithmetic splits into a 1–4.
 */
export function peopleGroup(cells: readonly number[]): Published<number>[] {
  if (!cells.some(tooFew)) return [...cells];
  const hidden = cells.filter((c) => c < GROUP_HIDE_BELOW);
  const hiddenSum = hidden.reduce((a, b) => a + b, 0);
  if (hiddenSum < GROUP_HIDE_BELOW || hidden.length < 2) return cells.map(() => SUPPRESSED);
  return cells.map((c) => (c < GROUP_HIDE_BELOW ? SUPPRESSED : c));
}
