import type { Kysely } from 'kysely';
import { withId } from '../dialect.ts';

/**
 * Staff call-up in an emergency (非常時職員参集): each staff account may belong to a department; a
 * call-up goes to all accounts or one department, and each addressed person answers once (and may
 * change the answer while it is open).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('staff_accounts').addColumn('department', 'text').execute();
  await db.schema
    .createTable('callups')
    .$call(withId(db))
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('department', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema
    .createTable('callup_answers')
    .addColumn('callup_id', 'integer', (c) => c.notNull().references('callups.id').onDelete('cascade'))
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff_accounts.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer')
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('callup_answers_pk', ['callup_id', 'staff_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('callup_answers').execute();
  await db.schema.dropTable('callups').execute();
  await db.schema.alterTable('staff_accounts').dropColumn('department').execute();
}
