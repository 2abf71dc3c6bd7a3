import type { CounterFigure } from '../../../shared/protocol/figures.ts';
import type { TicketFact } from './activity.ts';
import { minutes, percentile, rate, round } from '../../../shared/figures/figureMaths.ts';

/** A counter's numbers, as the figures give them (without which counter). */
export type CounterStats = Omit<CounterFigure, 'counterId' | 'number' | 'name'>;

/**
 * One counter's numbers from its tickets and its staff's minutes on duty. A number transferred in is
 * counted here but its wait is not: its clock started at the first counter.
 */
export function counterStats(tickets: readonly TicketFact[], staffMinutes: number): CounterStats {
  const called = tickets.filter((t) => t.calledAt !== null);
  const served = tickets.filter((t) => t.status === 'done').length;
  const noShows = tickets.filter((t) => t.status === 'noShow').length;
  const waits = called.filter((t) => !t.transferred).map((t) => t.calledAt! - t.takenAt);
  const p50 = percentile(waits, 50);
  const p90 = percentile(waits, 90);
  const staffHours = round(staffMinutes / 60, 2);
  return {
    tickets: tickets.length,
    called: called.length,
    served,
    noShows,
    noShowRate: rate(noShows, called.length),
    waits: waits.length,
    waitP50Min: p50 === null ? null : minutes(p50),
    waitP90Min: p90 === null ? null : minutes(p90),
    staffHours,
    servedPerStaffHour: staffMinutes > 0 ? round(served / (staffMinutes / 60), 2) : null,
  };
}
