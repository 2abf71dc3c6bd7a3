import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** Keeps anonymous counts of hall entries per day (feeds the city's usage figures; no identities). */
export function createVisitService(
  db: Db,
  today: () => string = () => new Date().toISOString().slice(0, 10),
) {
  return {
    async recordEntry(populationNow: number): Promise<void> {
      await db
        .insertInto('hall_visits')
        .values({ day: today(), entries: 1, peak_population: populationNow })
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
