import type { OutcomeFigure, OutcomeKey } from '../../../shared/protocol/figures.ts';
import { Outcome } from '../../../shared/protocol/records.ts';
import type { ConsultationFact } from './activity.ts';

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const most = (values: readonly number[]) => values.reduce((a, b) => Math.max(a, b), 0);

/**
 * Entries and the most people at once per day, as the figures and the open data both give them: the
 * day's own count where there is one, else its hours added up (days counted before the hourly rows,
 * or hours only), and the larger peak of the two.
 */
export function visitsByDay(
  days: readonly string[],
  visits: readonly { day: string; entries: number; peak: number }[],
  hallHours: readonly { day: string; count: number; peak: number }[],
): { day: string; entries: number; peak: number }[] {
  return days.map((day) => {
    const v = visits.find((x) => x.day === day);
    const hours = hallHours.filter((r) => r.day === day);
    return {
      day,
      entries: v?.entries ?? sum(hours.map((r) => r.count)),
      peak: Math.max(v?.peak ?? 0, most(hours.map((r) => r.peak))),
    };
  });
}

/** Consultations by outcome, every outcome listed (none for those without one). */
export const outcomeCounts = (facts: readonly ConsultationFact[]): OutcomeFigure[] =>
  ([...Outcome.options, 'none'] as OutcomeKey[]).map((outcome) => ({
    outcome,
    consultations: facts.filter((f) => (f.outcome ?? 'none') === outcome).length,
  }));

/** Consultations per rating 1–5. */
export const ratingCounts = (facts: readonly ConsultationFact[]) =>
  [1, 2, 3, 4, 5].map((rating) => ({ rating, count: facts.filter((f) => f.rating === rating).length }));
