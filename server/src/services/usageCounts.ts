import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { localDay, localHour } from '../../../shared/hours/openingHours.ts';

/**
 * What is counted, per city day and hour. `subject` says about what; `peak` is the most at once.
 * - hall: entries into the hall (count) and people inside (peak, sampled each minute and at each entry)
 * - staffMinutes: minutes staff were on duty at a counter (subject: the counter)
 * - checklist: life-event checklists made (subject: the life event)
 * - briefingJoin: residents joining a briefing (subject: the event id; peak: audience at once)
 * - briefingQuestion: questions asked in a briefing (subject: the event id)
 * - guideAnswered / guideUnanswered: questions the information desk's guide answered or not
 */
export const USAGE_KINDS = [
  'hall',
  'staffMinutes',
  'checklist',
  'briefingJoin',
  'briefingQuestion',
  'guideAnswered',
  'guideUnanswered',
] as const;
export type UsageKind = (typeof USAGE_KINDS)[number];

export interface UsageAdd {
  /** How many times (1 unless said). */
  count?: number;
  /** How many at once now: kept when it is the largest of the hour. */
  peak?: number;
  at?: Date;
}

/** The city's calendar and clock: the hall's time zone, read each time (an admin may change the plan). */
export interface CityClock {
  timeZone(): string;
  day(at?: Date): string;
  hour(at?: Date): number;
}

export function cityClock(timeZone: () => string): CityClock {
  return {
    timeZone,
    day: (at = new Date()) => localDay(at, timeZone()),
    hour: (at = new Date()) => localHour(at, timeZone()),
  };
}

/** Anonymous counts per city day and hour; adding is one upsert, the same SQL on SQLite and PostgreSQL. */
export function createUsageCounts(db: Db, clock: CityClock, log?: Logger) {
  async function add(kind: UsageKind, subject = '', { count = 1, peak = 0, at = new Date() }: UsageAdd = {}) {
    await db
      .insertInto('usage_counts')
      .values({ day: clock.day(at), hour: clock.hour(at), kind, subject, count, peak })
      .onConflict((oc) =>
        oc.columns(['day', 'hour', 'kind', 'subject']).doUpdateSet({
          count: sql`usage_counts.count + excluded.count`,
          peak: sql`CASE WHEN excluded.peak > usage_counts.peak THEN excluded.peak ELSE usage_counts.peak END`,
        }),
      )
      .execute();
  }
  return {
    clock,
    add,
    /** Counts without waiting: a lost count must never hold up or fail what a person is doing. */
    record(kind: UsageKind, subject = '', opts: UsageAdd = {}): void {
      add(kind, subject, opts).catch((err: unknown) => log?.warn(`usage count (${kind}) failed`, err));
    },
    /** Rows of some kinds between two city days (both included). */
    async rows(kinds: readonly UsageKind[], from: string, to: string) {
      return db
        .selectFrom('usage_counts')
        .select(['day', 'hour', 'kind', 'subject', 'count', 'peak'])
        .where('kind', 'in', [...kinds])
        .where('day', '>=', from)
        .where('day', '<=', to)
        .orderBy('day')
        .orderBy('hour')
        .execute();
    },
  };
}
export type UsageCounts = ReturnType<typeof createUsageCounts>;
/** The part rooms and routes need: count something, never wait for it. */
export type UsageRecorder = Pick<UsageCounts, 'record'>;
