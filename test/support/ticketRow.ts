import type { Insertable } from 'kysely';
import type { QueueTicketsTable } from '../../server/src/db/schema.ts';

/**
 * A queue_tickets row written straight into the database (a past day, a thousand days): a number at
 * counter 1 taken at `takenAt`, waiting, nothing else known; the test names what matters to it.
 */
export function ticketRow(
  takenAt: string,
  rest: Partial<Insertable<QueueTicketsTable>> & { number: number },
): Insertable<QueueTicketsTable> {
  return {
    day: takenAt.slice(0, 10),
    counter_id: 'shimin',
    procedure_id: null,
    resident_key: `resident-${rest.number}`,
    status: 'waiting',
    taken_at: takenAt,
    queued_at: takenAt,
    called_at: null,
    served_at: null,
    finished_at: null,
    staff_id: null,
    transfer_from: null,
    transfer_note: null,
    last_seen_at: takenAt,
    booking_code: null,
    ...rest,
  };
}
