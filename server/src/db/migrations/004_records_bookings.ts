import type { Kysely } from 'kysely';
import { withId } from '../dialect.ts';

/**
 * Consultation records (staff-only notes and outcome), anonymous ratings, and reservations: slots that
 * staff publish and bookings residents make with only a nickname (contact optional, never shown to
 * other residents). Booked residents who check in go ahead of walk-ins (`priority` 0 before 1).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('consultation_records')
    .addColumn('ticket_id', 'integer', (c) => c.primaryKey())
    .addColumn('ticket_number', 'integer', (c) => c.notNull())
    .addColumn('counter_id', 'text', (c) => c.notNull())
    .addColumn('procedure_id', 'text')
    .addColumn('staff_id', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('outcome', 'text')
    .addColumn('referred_to', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('rating', 'integer')
    .addColumn('rating_comment', 'text')
    .execute();
  await db.schema
    .createTable('slots')
    .$call(withId(db))
    .addColumn('counter_id', 'text', (c) => c.notNull())
    .addColumn('procedure_id', 'text')
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('bookings')
    .$call(withId(db))
    .addColumn('slot_id', 'integer', (c) => c.notNull().references('slots.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('nickname', 'text', (c) => c.notNull())
    .addColumn('procedure_id', 'text')
    .addColumn('contact', 'text')
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bookings_slot').on('bookings').columns(['slot_id', 'status']).execute();
  await db.schema
    .alterTable('queue_tickets')
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('queue_tickets').addColumn('booking_code', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['bookings', 'slots', 'consultation_records'])
    await db.schema.dropTable(table).execute();
}
