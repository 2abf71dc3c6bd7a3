import type { Kysely } from 'kysely';
import { withId } from '../dialect.ts';

/**
 * Staff accounts and sessions, and the counter queue. Tickets hold no personal data: the resident is
 * known only by the hash of a random resume token their browser keeps, so a ticket survives a dropped
 * connection (and a server restart) without the city learning who waited.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff_accounts')
    .$call(withId(db))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('staff_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff_accounts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('login_failures')
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();
  await db.schema
    .createTable('queue_tickets')
    .$call(withId(db))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('counter_id', 'text', (c) => c.notNull())
    .addColumn('procedure_id', 'text')
    .addColumn('resident_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .addColumn('called_at', 'text')
    .addColumn('served_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('staff_id', 'integer')
    .addColumn('transfer_from', 'text')
    .addColumn('transfer_note', 'text')
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('queue_tickets_day_number')
    .on('queue_tickets')
    .columns(['day', 'number'])
    .unique()
    .execute();
  await db.schema
    .createIndex('queue_tickets_status')
    .on('queue_tickets')
    .columns(['status', 'counter_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['queue_tickets', 'login_failures', 'staff_sessions', 'staff_accounts']) {
    await db.schema.dropTable(table).execute();
  }
}
