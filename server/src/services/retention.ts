import type { Db } from '../db/database.ts';
import type { Logger } from '../logger.ts';

export interface RetentionPolicy {
  /**
   * Finished numbers (served, no-show, given up) are kept this many days for the city's figures, and so
   * are the counts of questions the guide could not answer.
   */
  ticketDays: number;
  /** Bookings (with the contact a resident left) are kept this many days after their time slot. */
  bookingDays: number;
}

const DAY_MS = 86_400_000;
const ACTIVE = ['waiting', 'called', 'serving'];

/**
 * What residents leave behind is not kept for ever: finished numbers after `ticketDays`, bookings and
 * their time slots after `bookingDays` past the slot, expired staff sessions and hall passes at once.
 * Numbers still in a queue and bookings still ahead are never touched. Returns what went, per table.
 */
export async function pruneOldRows(db: Db, policy: RetentionPolicy, now: number) {
  const ticketsBefore = new Date(now - policy.ticketDays * DAY_MS).toISOString();
  const slotsBefore = new Date(now - policy.bookingDays * DAY_MS).toISOString();
  return db.transaction().execute(async (tx) => {
    const tickets = await tx
      .deleteFrom('queue_tickets')
      .where('status', 'not in', ACTIVE)
      .where('taken_at', '<', ticketsBefore)
      .executeTakeFirst();
    const oldSlots = tx.selectFrom('slots').select('id').where('starts_at', '<', slotsBefore);
    const bookings = await tx.deleteFrom('bookings').where('slot_id', 'in', oldSlots).executeTakeFirst();
    const slots = await tx.deleteFrom('slots').where('starts_at', '<', slotsBefore).executeTakeFirst();
    const sessions = await tx
      .deleteFrom('staff_sessions')
      .where('expires_at', '<=', new Date(now).toISOString())
      .executeTakeFirst();
    const unanswered = await tx
      .deleteFrom('guide_unanswered')
      .where('day', '<', ticketsBefore.slice(0, 10))
      .executeTakeFirst();
    return {
      unanswered: Number(unanswered.numDeletedRows),
      tickets: Number(tickets.numDeletedRows),
      bookings: Number(bookings.numDeletedRows),
      slots: Number(slots.numDeletedRows),
      sessions: Number(sessions.numDeletedRows),
    };
  });
}

/** Prunes at start and then every few hours; a failure is logged and tried again next time. */
export function scheduleRetention(db: Db, policy: RetentionPolicy, log: Logger, everyMs = 6 * 3600_000) {
  const run = () =>
    pruneOldRows(db, policy, Date.now()).then(
      (gone) => {
        if (Object.values(gone).some((n) => n > 0)) log.info('old rows pruned', gone);
      },
      (err: unknown) => log.warn('pruning old rows failed', err),
    );
  void run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
