import type { Kysely } from 'kysely';

/**
 * The information desk's guide: its answers (the catalogue's sixth sheet, JSON like the others) and the
 * questions it could not answer, counted per normalised text and day with nothing about who asked.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('faq_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('guide_unanswered')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('asks', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('guide_unanswered_pk', ['text', 'day'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('guide_unanswered').execute();
  await db.schema.dropTable('faq_entries').execute();
}
