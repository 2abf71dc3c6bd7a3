import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';

/**
 * Each slide page keeps the hash of its image, made once at upload: a request for a page the browser
 * already has is answered 304 without reading the image, and a process's cached copy is only used while
 * the hash in the database still matches (a deck replaced through another process is noticed).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('event_slides').addColumn('etag', 'text').execute();
  const slides = db as unknown as Kysely<{
    event_slides: { event_id: number; page: number; image: Buffer; etag: string | null };
  }>;
  // One image in memory at a time: decks may hold hundreds of megabytes.
  const pages = await slides.selectFrom('event_slides').select(['event_id', 'page']).execute();
  for (const { event_id, page } of pages) {
    const row = await slides
      .selectFrom('event_slides')
      .select('image')
      .where('event_id', '=', event_id)
      .where('page', '=', page)
      .executeTakeFirstOrThrow();
    await slides
      .updateTable('event_slides')
      .set({ etag: slideEtag(row.image) })
      .where('event_id', '=', event_id)
      .where('page', '=', page)
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('event_slides').dropColumn('etag').execute();
}

const slideEtag = (image: Buffer) => createHash('sha256').update(image).digest('base64url').slice(0, 27);
