import { randomInt } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { DomainError } from '../domainError.ts';
import { isPostgres } from '../db/dialect.ts';
import {
  BOOKING_CODE_ALPHABET,
  type BookingView,
  type NewBooking,
  type NewSlot,
  type SlotView,
} from '../../../shared/protocol/index.ts';

/** Why a booking operation was refused (a DomainError code); i18n keys (`booking.error.*`) on the client. */
export type BookingErrorCode =
  | 'noSuchSlot'
  | 'startsInPast'
  | 'past'
  | 'full'
  | 'alreadyBooked'
  | 'noSuchBooking'
  | 'notBooked'
  | 'wrongCounter'
  | 'tooEarly'
  | 'tooLate';

/** Check-in opens this long before the slot starts. */
export const CHECK_IN_EARLY_MS = 30 * 60_000;

function newCode(): string {
  const pick = () => BOOKING_CODE_ALPHABET[randomInt(BOOKING_CODE_ALPHABET.length)];
  const chars = Array.from({ length: 8 }, pick).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

type SlotRow = {
  id: number;
  counter_id: string;
  procedure_id: string | null;
  starts_at: string;
  minutes: number;
  capacity: number;
};

/**
 * Consultation slots and bookings. Booking runs in one transaction that holds the slot (SQLite
 * serialises writers; PostgreSQL locks the slot's row), so when two residents book the last place at
 * once, on any connection or process, exactly one gets it.
 */
/** Names typed twice differ in width and case (「ﾔﾏﾀﾞ」 and 「ヤマダ」, "Ben" and "ben"), not in who they are. */
const sameName = (typed: string | undefined, booked: string) =>
  typed !== undefined && typed.normalize('NFKC').toLowerCase() === booked.normalize('NFKC').toLowerCase();

export function createBookingService(db: Db) {
  async function taken(slotIds: number[]): Promise<Map<number, number>> {
    if (slotIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('bookings')
      .select(['slot_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('slot_id', 'in', slotIds)
      .where('status', '!=', 'cancelled')
      .groupBy('slot_id')
      .execute();
    return new Map(rows.map((r) => [r.slot_id, Number(r.n)]));
  }
  const view = (s: SlotRow, used: number): SlotView => ({
    id: s.id,
    counterId: s.counter_id,
    procedureId: s.procedure_id,
    startsAt: s.starts_at,
    minutes: s.minutes,
    capacity: s.capacity,
    remaining: Math.max(0, s.capacity - used),
  });

  async function bookingRow(code: string) {
    const b = await db.selectFrom('bookings').selectAll().where('code', '=', code).executeTakeFirst();
    if (!b) throw new DomainError('noSuchBooking', `no booking with code ${code}`);
    const s = await db.selectFrom('slots').selectAll().where('id', '=', b.slot_id).executeTakeFirstOrThrow();
    return { b, s };
  }

  return {
    async publish(input: NewSlot, staffId: number, now: number): Promise<SlotView> {
      const startsAt = new Date(input.startsAt);
      if (startsAt.getTime() <= now) throw new DomainError('startsInPast', 'a slot must start in the future');
      const row = await db
        .insertInto('slots')
        .values({
          counter_id: input.counterId,
          procedure_id: input.procedureId,
          starts_at: startsAt.toISOString(),
          minutes: input.minutes,
          capacity: input.capacity,
          created_by: staffId,
          created_at: new Date(now).toISOString(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return view(row, 0);
    },

    /** Slots not yet over, soonest first, with the places left (no names). */
    async slots(counterId: string, now: number): Promise<SlotView[]> {
      const rows = await db
        .selectFrom('slots')
        .selectAll()
        .where('counter_id', '=', counterId)
        .where('starts_at', '>', new Date(now - 180 * 60_000).toISOString())
        .orderBy('starts_at')
        .execute();
      const current = rows.filter((s) => Date.parse(s.starts_at) + s.minutes * 60_000 > now);
      const used = await taken(current.map((s) => s.id));
      return current.map((s) => view(s, used.get(s.id) ?? 0));
    },

    async book(
      input: Omit<NewBooking, 'visitorToken'> & { holder: string },
      now: number,
    ): Promise<BookingView> {
      return db.transaction().execute(async (trx) => {
        const slot = await trx
          .selectFrom('slots')
          .selectAll()
          .where('id', '=', input.slotId)
          .$if(isPostgres(db), (q) => q.forUpdate())
          .executeTakeFirst();
        if (!slot) throw new DomainError('noSuchSlot', `no slot ${input.slotId}`);
        if (Date.parse(slot.starts_at) <= now) throw new DomainError('past', 'this slot has already started');
        const active = await trx
          .selectFrom('bookings')
          .select('code')
          .where('slot_id', '=', slot.id)
          .where('status', '!=', 'cancelled')
          .execute();
        const mine = await trx
          .selectFrom('bookings')
          .select('code')
          .where('slot_id', '=', slot.id)
          .where('status', '!=', 'cancelled')
          .where('holder', '=', input.holder)
          .executeTakeFirst();
        if (mine) throw new DomainError('alreadyBooked', `you already booked this slot (code ${mine.code})`);
        if (active.length >= slot.capacity) throw new DomainError('full', 'this slot is fully booked');
        const code = newCode();
        await trx
          .insertInto('bookings')
          .values({
            slot_id: slot.id,
            code,
            nickname: input.nickname,
            procedure_id: input.procedureId ?? slot.procedure_id,
            contact: input.contact || null,
            holder: input.holder,
            status: 'booked',
            created_at: new Date(now).toISOString(),
          })
          .execute();
        return {
          code,
          status: 'booked' as const,
          nickname: input.nickname,
          procedureId: input.procedureId ?? slot.procedure_id,
          slot: view(slot, active.length + 1),
        };
      });
    },

    async get(code: string): Promise<BookingView> {
      const { b, s } = await bookingRow(code);
      const used = (await taken([s.id])).get(s.id) ?? 0;
      return {
        code: b.code,
        status: b.status as BookingView['status'],
        procedureId: b.procedure_id,
        slot: view(s, used),
      };
    },

    async cancel(code: string): Promise<void> {
      const { b } = await bookingRow(code);
      if (b.status !== 'booked') throw new DomainError('notBooked', `the booking is ${b.status}`);
      await db.updateTable('bookings').set({ status: 'cancelled' }).where('code', '=', code).execute();
    },

    /**
     * Checks a booking in at its counter, from 30 minutes before the slot until it ends. The code alone
     * is not enough: it is the visitor who booked, or someone who also knows the name booked under (the
     * resident on another device; a code read over someone's shoulder is not).
     */
    async checkIn(
      code: string,
      counterId: string,
      who: { holder: string; nickname?: string },
      now: number,
    ): Promise<{ procedureId: string | null; startsAt: number }> {
      const { b, s } = await bookingRow(code);
      if (b.status !== 'booked') throw new DomainError('notBooked', `the booking is ${b.status}`);
      if (b.holder !== who.holder && !sameName(who.nickname, b.nickname)) {
        throw new DomainError(
          'notHolder',
          'this booking was made in another browser: give the name it was booked under as well',
        );
      }
      if (s.counter_id !== counterId)
        throw new DomainError('wrongCounter', 'this booking is for another counter');
      const start = Date.parse(s.starts_at);
      if (now < start - CHECK_IN_EARLY_MS)
        throw new DomainError('tooEarly', 'check-in opens 30 minutes before the slot');
      if (now > start + s.minutes * 60_000) throw new DomainError('tooLate', 'this slot is over');
      // Of two check-ins of one code at once, only the one that changes the row gets a number.
      const changed = await db
        .updateTable('bookings')
        .set({ status: 'checkedIn' })
        .where('code', '=', code)
        .where('status', '=', 'booked')
        .executeTakeFirst();
      if (Number(changed.numUpdatedRows) !== 1)
        throw new DomainError('notBooked', 'the booking is checkedIn');
      return { procedureId: b.procedure_id, startsAt: start };
    },

    /** The number could not be given after all: the booking can be checked in again. */
    async undoCheckIn(code: string): Promise<void> {
      await db
        .updateTable('bookings')
        .set({ status: 'booked' })
        .where('code', '=', code)
        .where('status', '=', 'checkedIn')
        .execute();
    },

    async slotById(id: number): Promise<SlotView | undefined> {
      const s = await db.selectFrom('slots').selectAll().where('id', '=', id).executeTakeFirst();
      return s ? view(s, (await taken([s.id])).get(s.id) ?? 0) : undefined;
    },

    async counterOf(code: string): Promise<string> {
      return (await bookingRow(code)).s.counter_id;
    },

    /** Staff of the counter see who booked (nickname, topic, contact); residents never do. */
    async bookingsOf(slotId: number) {
      return db
        .selectFrom('bookings')
        .select(['code', 'nickname', 'procedure_id', 'contact', 'status'])
        .where('slot_id', '=', slotId)
        .execute();
    },
  };
}
export type BookingService = ReturnType<typeof createBookingService>;
