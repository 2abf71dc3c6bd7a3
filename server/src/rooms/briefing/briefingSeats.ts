import type { Seat } from '../../../../shared/layout/layoutSchema.ts';
import type { BriefingPerson } from '../../../../shared/state/briefingState.ts';

/**
 * A seat for someone joining or waiting in the overflow hall: `wanted` when it is free, otherwise the first
 * free one; null when `limit` people already sit (`limit` says how many may sit — capacity, distancing —
 * not which seats).
 */
export function freeSeat(
  people: Iterable<BriefingPerson>,
  seats: readonly Seat[],
  limit: number,
  wanted?: string,
): string | null {
  const taken = new Set([...people].map((p) => p.seat).filter(Boolean));
  if (taken.size >= limit) return null;
  const usable = seats.filter((s) => !taken.has(s.id));
  return (usable.find((s) => s.id === wanted) ?? usable[0])?.id ?? null;
}
