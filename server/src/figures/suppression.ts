/**
 * Open data must not let anyone single out a person, so a published cell that counts people is shown
 * only when it counts none or at least MIN_PEOPLE. What a suppressed cell would give away by other
 * routes is suppressed as well:
 * - a value derived from fewer than MIN_PEOPLE people (the median of 3 waits is one person's wait);
 * - a rate whose part or whole is suppressed (rate × whole gives the part back);
 * - in a group whose total is published, one lone suppressed cell (total − the others gives it back):
 *   the next smallest cell goes too.
 * Zero is shown: it counts nobody, and hiding it would make the suppressed cells easier to narrow down.
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

/** A value computed from `basis` people (a percentile of their waits); null stays "not applicable". */
export function fromPeople<T>(value: T | null, basis: number): Published<T> | null {
  if (value === null) return null;
  return basis < MIN_PEOPLE ? SUPPRESSED : value;
}

/** A rate `part / whole` of people; shown only when both are shown and the whole is large enough. */
export function peopleRate(value: number | null, part: number, whole: number): Published<number> | null {
  if (value === null) return null;
  return tooFew(part) || whole < MIN_PEOPLE ? SUPPRESSED : value;
}

/**
 * The cells of a group whose total is published elsewhere (the hours of a day whose daily count is
 * published): each counted as people, and a lone suppressed cell joined by the next smallest.
 */
export function peopleGroup(cells: readonly number[]): Published<number>[] {
  const out = cells.map(peopleCount);
  if (out.filter((c) => c === SUPPRESSED).length !== 1) return out;
  let smallest = -1;
  out.forEach((c, i) => {
    if (c !== SUPPRESSED && c > 0 && (smallest < 0 || c < (out[smallest] as number))) smallest = i;
  });
  if (smallest >= 0) out[smallest] = SUPPRESSED;
  return out;
}
