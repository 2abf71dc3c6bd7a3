import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { UsageCounts } from './usageCounts.ts';

/**
 * Keeps anonymous counts of hall entries per city day, and per hour in the usage counts (the city's
 * figures; no identities).
 */
export function createVisitService(db: Db, usage: UsageCounts) {
  const today = () => usage.clock.day();
  return {
    /** `populationNow`: people in the hall, this one included. */
    async recordEntry(populationNow: number): Promise<void> {
      const at = new Date();
      await usage.add('hall', '', { peak: populationNow, at });
      await db
        .insertInto('hall_visits')
        .values({ day: usage.clock.day(at), entries: 1, peak_population: populationNow })
        .onConflict((oc) =>
          oc.column('day').doUpdateSet({
            // Qualified, and CASE rather than max()/GREATEST(): the same SQL on SQLite and PostgreSQL.
            entries: sql`hall_visits.entries + 1`,
            peak_population: sql`CASE WHEN excluded.peak_population > hall_visits.peak_population
              THEN excluded.peak_population ELSE hall_visits.peak_population END`,
          }),
        )
        .execute();
    },
    async today(): Promise<{ entries: number; peakPopulation: number }> {
      const row = await db
        .selectFrom('hall_visits')
        .select(['entries', 'peak_population'])
        .where('day', '=', today())
        .executeTakeFirst();
      return { entries: row?.entries ?? 0, peakPopulation: row?.peak_population ?? 0 };
    },
  };
}
export type VisitService = ReturnType<typeof createVisitService>;
