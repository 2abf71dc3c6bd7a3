import type { Kysely } from 'kysely';

/** Furigana for the catalogue's Japanese texts, made when a catalogue is imported (text → segments JSON). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('catalog_readings')
    .addColumn('text', 'text', (c) => c.primaryKey())
    .addColumn('segments', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('catalog_readings').execute();
}
