import type { Kysely } from 'kysely';
import { withId } from '../dialect.ts';

/**
 * Hall layouts uploaded by admins. A draft is checked and previewed first; putting one live makes every
 * server process use it (instead of HALL_FILE) until another is put live. Old ones are kept, so a city
 * can see which plan was in use when.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('hall_layouts')
    .$call(withId(db))
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('layout', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('live_at', 'text')
    .addColumn('live_by', 'text')
    // Which was put live last: a count, not a clock (the processes' clocks need not agree).
    .addColumn('live_order', 'integer')
    .execute();
  await db.schema.createIndex('hall_layouts_live').on('hall_layouts').column('live_order').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('hall_layouts').execute();
}
