import type { Db } from '../../server/src/db/database.ts';
import { ticketRow } from './ticketRow.ts';
import { dayStartsAt } from '../../shared/hours/openingHours.ts';

const MIN = 60_000;

/** What the scripted day must never let out: who booked, who waited, what was said. */
export const SCRIPTED_SECRETS = [
  'ひみつ太郎',
  'himitsu@example.jp',
  'rk-secret',
  'holder-secret',
  'BOOKCODE',
  'ひみつのメモ',
  'ないしょの感想',
];

/**
 * A past city day with known numbers, written straight into the database: entries per hour (3, 20, 9
 * and 8 at 9, 10, 11 and 14 o'clock; 40 in all, 12 at most at once), two staff hours at counter 1, ten
 * numbers there (six served after 2–12 minutes, no-shows after 3 and 5, one given up, one lapsed), three
 * at counter 2 (served after 1, 2 and 3 minutes), their records (resolved 5, follow-up 1, referred 1,
 * none 2; ratings 5 ×5, 4, 2), link opens (転入届 7, 住民票の写し 2), 6 checklists for moving in, the
 * guide's 11 answered and 4 unanswered questions, and a booking with a nickname and a contact.
 */
export async function scriptFiguresDay(db: Db, day: string, timeZone: string): Promise<void> {
  const past = day;
  /** Local time on the day, as stored timestamps are written. */
  const at = (hour: number, minute = 0) =>
    new Date(dayStartsAt(day, timeZone).getTime() + hour * 3_600_000 + minute * MIN).toISOString();
  await db.insertInto('hall_visits').values({ day: past, entries: 40, peak_population: 12 }).execute();
  const usage = (hour: number, kind: string, subject: string, count: number, peak = 0) => ({
    day: past,
    hour,
    kind,
    subject,
    count,
    peak,
  });
  await db
    .insertInto('usage_counts')
    .values([
      usage(9, 'hall', '', 3, 3),
      usage(10, 'hall', '', 20, 12),
      usage(11, 'hall', '', 9, 8),
      usage(14, 'hall', '', 8, 6),
      usage(9, 'staffMinutes', 'shimin', 60),
      usage(10, 'staffMinutes', 'shimin', 60),
      usage(10, 'checklist', 'moving-in', 6),
      usage(10, 'guideAnswered', '', 11),
      usage(10, 'guideUnanswered', '', 4),
    ])
    .execute();
  // Counter 1: ten numbers; six served after 2–12 minutes, two no-shows after 3 and 5, one gave up,
  // one lapsed. Counter 2: three served after 1, 2 and 3 minutes.
  const tickets: [string, string, number | null][] = [
    ['shimin', 'done', 2],
    ['shimin', 'done', 4],
    ['shimin', 'done', 6],
    ['shimin', 'done', 8],
    ['shimin', 'done', 10],
    ['shimin', 'done', 12],
    ['shimin', 'noShow', 3],
    ['shimin', 'noShow', 5],
    ['shimin', 'left', null],
    ['shimin', 'expired', null],
    ['shiminzei', 'done', 1],
    ['shiminzei', 'done', 2],
    ['shiminzei', 'done', 3],
  ];
  const outcomes = [
    'resolved',
    'resolved',
    'resolved',
    'resolved',
    'followUp',
    'referred',
    'resolved',
    null,
    null,
  ];
  const ratings = [5, 5, 5, 5, 5, 4, 2, null, null];
  let served = 0;
  for (const [i, [counterId, status, waitMin]] of tickets.entries()) {
    const taken = at(10, i);
    const called = waitMin === null ? null : at(10, i + waitMin);
    const row = await db
      .insertInto('queue_tickets')
      .values(
        ticketRow(taken, {
          day: past,
          number: i + 1,
          counter_id: counterId,
          resident_key: `rk-secret-${i}`,
          status,
          called_at: called,
          served_at: status === 'done' ? called : null,
          finished_at: status === 'done' || status === 'noShow' ? at(11, i) : null,
          staff_id: called ? 1 : null,
          priority: 1,
          lang: 'ja',
        }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    if (status !== 'done') continue;
    const k = served++;
    await db
      .insertInto('consultation_records')
      .values({
        ticket_id: row.id,
        ticket_number: i + 1,
        counter_id: counterId,
        procedure_id: null,
        staff_id: 1,
        started_at: called!,
        notes: 'ひみつのメモ',
        outcome: outcomes[k]!,
        referred_to: outcomes[k] === 'referred' ? 'kokuho-nenkin' : null,
        updated_at: called!,
        rating: ratings[k]!,
        rating_comment: ratings[k] ? 'ないしょの感想' : null,
      })
      .execute();
  }
  await db
    .insertInto('procedure_link_opens')
    .values([
      { procedure_id: 'tennyu-todoke', day: past, opens: 7 },
      { procedure_id: 'juminhyo-utsushi', day: past, opens: 2 },
    ])
    .execute();
  // A booking with a nickname and a contact: nothing of it may reach the figures.
  const slot = await db
    .insertInto('slots')
    .values({
      counter_id: 'shimin',
      procedure_id: null,
      starts_at: at(13),
      minutes: 30,
      capacity: 1,
      created_by: 1,
      created_at: at(8),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('bookings')
    .values({
      slot_id: slot.id,
      code: 'BOOKCODE1234',
      nickname: 'ひみつ太郎',
      procedure_id: null,
      contact: 'himitsu@example.jp',
      holder: 'holder-secret',
      status: 'booked',
      created_at: at(8),
    })
    .execute();
}
