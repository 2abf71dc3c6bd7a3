import type { Db } from '../db/database.ts';
import type { CityClock, UsageCounts, UsageKind } from '../services/usageCounts.ts';
import { dayStartsAt, localDay } from '../../../shared/hours/openingHours.ts';
import { addDays } from '../../../shared/figures/days.ts';

/** A number as the figures need it: where, what became of it, and its clock (never whose it was). */
export interface TicketFact {
  day: string;
  counterId: string;
  status: string;
  takenAt: number;
  calledAt: number | null;
  transferred: boolean;
}

export interface ConsultationFact {
  day: string;
  outcome: string | null;
  rating: number | null;
}

/**
 * Reads what happened between two city days (both included), column by column, leaving out every
 * column that could point at a person (tokens, nicknames, notes, comments, staff ids).
 */
export function createActivityReader(db: Db, usage: UsageCounts, clock: CityClock) {
  return {
    async tickets(from: string, to: string): Promise<TicketFact[]> {
      const rows = await db
        .selectFrom('queue_tickets')
        .select(['day', 'counter_id', 'status', 'taken_at', 'called_at', 'transfer_from'])
        .where('day', '>=', from)
        .where('day', '<=', to)
        .execute();
      return rows.map((r) => ({
        day: r.day,
        counterId: r.counter_id,
        status: r.status,
        takenAt: Date.parse(r.taken_at),
        calledAt: r.called_at ? Date.parse(r.called_at) : null,
        transferred: r.transfer_from !== null,
      }));
    },

    /** Consultations by the city day they started on. */
    async consultations(from: string, to: string): Promise<ConsultationFact[]> {
      const zone = clock.timeZone();
      const rows = await db
        .selectFrom('consultation_records')
        .select(['started_at', 'outcome', 'rating'])
        .where('started_at', '>=', dayStartsAt(from, zone).toISOString())
        .where('started_at', '<', dayStartsAt(addDays(to, 1), zone).toISOString())
        .execute();
      return rows.map((r) => ({
        day: localDay(new Date(r.started_at), zone),
        outcome: r.outcome,
        rating: r.rating,
      }));
    },

    async linkOpens(from: string, to: string) {
      const rows = await db
        .selectFrom('procedure_link_opens')
        .select(['day', 'procedure_id', 'opens'])
        .where('day', '>=', from)
        .where('day', '<=', to)
        .execute();
      return rows.map((r) => ({ day: r.day, procedureId: r.procedure_id, opens: Number(r.opens) }));
    },

    async visitsPerDay(from: string, to: string) {
      const rows = await db
        .selectFrom('hall_visits')
        .select(['day', 'entries', 'peak_population'])
        .where('day', '>=', from)
        .where('day', '<=', to)
        .execute();
      return rows.map((r) => ({ day: r.day, entries: Number(r.entries), peak: Number(r.peak_population) }));
    },

    async usage(kinds: readonly UsageKind[], from: string, to: string) {
      const rows = await usage.rows(kinds, from, to);
      return rows.map((r) => ({ ...r, hour: Number(r.hour), count: Number(r.count), peak: Number(r.peak) }));
    },

    async events(ids: readonly number[]) {
      if (ids.length === 0) return [];
      return db
        .selectFrom('events')
        .select(['id', 'title_ja', 'title_en', 'starts_at'])
        .where('id', 'in', [...ids])
        .execute();
    },
  };
}
export type ActivityReader = ReturnType<typeof createActivityReader>;
