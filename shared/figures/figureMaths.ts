/**
 * The few sums the city's figures rest on, kept pure so they are tested on their own: percentiles by
 * nearest rank (a value someone really waited, never an average of two) and rates that say "none"
 * rather than divide by zero.
 */

/** The p-th percentile (0 < p ≤ 100) by nearest rank; null for no values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** `part / whole`, rounded to `digits` decimals; null when there is nothing to divide by. */
export function rate(part: number, whole: number, digits = 3): number | null {
  if (whole <= 0) return null;
  return round(part / whole, digits);
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Milliseconds as minutes with one decimal (waits are told in minutes). */
export const minutes = (ms: number): number => round(ms / 60_000, 1);

/** Groups items by a key, keeping first-seen order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
