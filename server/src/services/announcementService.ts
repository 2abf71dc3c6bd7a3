import { sql, type Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { AnnouncementsTable } from '../db/schema.ts';
import type { StaffProfile } from '../../../shared/auth/roles.ts';
import {
  ANNOUNCE_AHEAD_DAYS,
  Severity,
  type AnnouncementRecord,
  type NewAnnouncement,
} from '../../../shared/protocol/announcements.ts';
import { DomainError } from '../domainError.ts';

/** Not over yet (showing or scheduled) at once, at most: every process sends the whole list to everyone. */
export const MAX_LIVE_ANNOUNCEMENTS = 20;

/** A little slack for the clock of the admin's browser: "now" typed a moment ago is not the past. */
const PAST_SLACK_MS = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

type Row = Selectable<AnnouncementsTable>;

const toRecord = (r: Row): AnnouncementRecord => ({
  id: r.id,
  severity: Severity.parse(r.severity),
  texts: JSON.parse(r.texts) as AnnouncementRecord['texts'],
  startsAt: r.starts_at,
  // Ended early: it stopped then.
  endsAt: r.ended_at ?? r.ends_at,
  createdBy: r.created_by,
  createdAt: r.created_at,
  endedAt: r.ended_at,
  endedBy: r.ended_by,
});

/** Announcements to everyone in the hall, kept in the database (every process reads the same ones). */
export function createAnnouncementService(db: Db) {
  return {
    async create(input: NewAnnouncement, by: StaffProfile, now = Date.now()): Promise<AnnouncementRecord> {
      const starts = input.startsAt ? Date.parse(input.startsAt) : now;
      if (starts < now - PAST_SLACK_MS) throw new DomainError('startsInPast', 'the start is in the past');
      if (starts > now + ANNOUNCE_AHEAD_DAYS * 86_400_000) {
        throw new DomainError(
          'badRequest',
          `announcements are scheduled at most ${ANNOUNCE_AHEAD_DAYS} days ahead`,
        );
      }
      const live = await db
        .selectFrom('announcements')
        .select(sql<number>`count(*)`.as('n'))
        .where('ended_at', 'is', null)
        .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', iso(now))]))
        .executeTakeFirst();
      if (Number(live?.n ?? 0) >= MAX_LIVE_ANNOUNCEMENTS) {
        throw new DomainError(
          'tooManyAnnouncements',
          `at most ${MAX_LIVE_ANNOUNCEMENTS} announcements may be showing or scheduled; end one first`,
        );
      }
      const texts = Object.fromEntries(Object.entries(input.texts).filter(([, v]) => v));
      const row = await db
        .insertInto('announcements')
        .values({
          severity: input.severity,
          texts: JSON.stringify(texts),
          starts_at: iso(Math.max(starts, now)),
          ends_at: input.minutes === null ? null : iso(Math.max(starts, now) + input.minutes * 60_000),
          created_by: by.displayName,
          created_at: iso(now),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRecord(row);
    },

    /** Ends one now (an emergency over, a scheduled one withdrawn before it showed). */
    async end(id: number, by: StaffProfile, now = Date.now()): Promise<AnnouncementRecord> {
      const row = await db.selectFrom('announcements').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new DomainError('noSuchAnnouncement', `no announcement ${id}`);
      if (row.ended_at || (row.ends_at !== null && row.ends_at <= iso(now))) {
        throw new DomainError('alreadyEnded', 'this announcement has already ended');
      }
      const ended = await db
        .updateTable('announcements')
        .set({ ended_at: iso(now), ended_by: by.displayName })
        .where('id', '=', id)
        .where('ended_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      if (!ended) throw new DomainError('alreadyEnded', 'this announcement has already ended');
      return toRecord(ended);
    },

    /** Those not over yet: showing now or scheduled (what each process's board keeps). */
    async notOver(now = Date.now()): Promise<AnnouncementRecord[]> {
      const rows = await db
        .selectFrom('announcements')
        .selectAll()
        .where('ended_at', 'is', null)
        .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', iso(now))]))
        .orderBy('starts_at')
        .orderBy('id')
        .execute();
      return rows.map(toRecord);
    },

    /** What has been announced since `hours` ago, newest first: the list residents can read back. */
    async since(hours: number, now = Date.now(), limit = 50): Promise<AnnouncementRecord[]> {
      const rows = await db
        .selectFrom('announcements')
        .selectAll()
        .where('starts_at', '>=', iso(now - hours * 3_600_000))
        .where('starts_at', '<=', iso(now))
        // One withdrawn before it began was never shown.
        .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>', eb.ref('starts_at'))]))
        .orderBy('starts_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toRecord);
    },
  };
}
export type AnnouncementService = ReturnType<typeof createAnnouncementService>;
