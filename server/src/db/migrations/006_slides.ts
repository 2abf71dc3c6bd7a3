import type { Kysely } from 'kysely';
import { binaryType } from '../dialect.ts';

/**
 * Slides of a briefing: one image per page (PNG, JPEG or WebP; a host's browser renders PDFs to images),
 * with the page's text so screen readers can read what is on the screen.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event_slides')
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('page', 'integer', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('image', binaryType(db), (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_slides_pk', ['event_id', 'page'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('event_slides').execute();
}
