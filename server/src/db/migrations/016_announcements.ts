import type { Kysely } from 'kysely';
import { withId } from '../dialect.ts';

/**
 * Announcements to everyone in the hall: texts per language as JSON, when they show and until when
 * (null: until ended), who sent and who ended them. Staff names are kept as shown to colleagues.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('announcements')
    .$call(withId(db))
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('texts', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('ended_by', 'text')
    .execute();
  await db.schema.createIndex('announcements_starts').on('announcements').column('starts_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('announcements').execute();
}
