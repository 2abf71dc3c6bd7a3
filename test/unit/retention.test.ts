import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ticketRow } from '../support/ticketRow.ts';
import { openDatabase, migrateToLatest, type Db } from '../../server/src/db/database.ts';
import { pruneOldRows } from '../../server/src/services/retention.ts';
import { testDatabase } from '../support/testDatabase.ts';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-02T03:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('pruning what residents leave behind', () => {
  let db: Db;
  beforeEach(async () => {
    db = openDatabase(await testDatabase(':memory:'));
    await migrateToLatest(db);
  });
  afterEach(() => db.destroy());

  async function ticket(status: string, takenAt: number, n: number) {
    await db
      .insertInto('queue_tickets')
      .values(ticketRow(iso(takenAt), { number: n, resident_key: `r${n}`, status }))
      .execute();
  }
  async function slotWithBooking(startsAt: number, code: string) {
    const slot = await db
      .insertInto('slots')
      .values({
        counter_id: 'shimin',
        procedure_id: null,
        starts_at: iso(startsAt),
        minutes: 15,
        capacity: 2,
        created_by: 1,
        created_at: iso(startsAt - DAY),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('bookings')
      .values({
        slot_id: slot.id,
        code,
        nickname: 'あき',
        procedure_id: null,
        contact: '090-0000-0000',
        holder: 'h',
        status: 'booked',
        created_at: iso(startsAt - DAY),
      })
      .execute();
  }

  it('removes finished numbers, past bookings and their slots after their time; keeps the rest', async () => {
    await ticket('done', NOW - 100 * DAY, 1);
    await ticket('noShow', NOW - 91 * DAY, 2);
    await ticket('done', NOW - 89 * DAY, 3);
    // Still in a queue after a long outage: never pruned, however old.
    await ticket('waiting', NOW - 200 * DAY, 4);
    await slotWithBooking(NOW - 31 * DAY, 'OLD1');
    await slotWithBooking(NOW - 29 * DAY, 'KEEP1');
    await slotWithBooking(NOW + 2 * DAY, 'AHEAD');

    const gone = await pruneOldRows(db, { ticketDays: 90, bookingDays: 30 }, NOW);
    expect(gone).toMatchObject({ tickets: 2, bookings: 1, slots: 1 });
    const numbers = await db.selectFrom('queue_tickets').select('number').orderBy('number').execute();
    expect(numbers.map((r) => r.number)).toEqual([3, 4]);
    const codes = await db.selectFrom('bookings').select('code').orderBy('code').execute();
    expect(codes.map((r) => r.code)).toEqual(['AHEAD', 'KEEP1']);
    // Running it again finds nothing more.
    expect(await pruneOldRows(db, { ticketDays: 90, bookingDays: 30 }, NOW)).toMatchObject({
      tickets: 0,
      bookings: 0,
      slots: 0,
    });
  });
});
