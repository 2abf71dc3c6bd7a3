import type { Db } from '../db/database.ts';
import type { SlideDeckUpload, SlideType, SlideView } from '../../../shared/protocol/index.ts';
import { LRUCache } from 'lru-cache';
import { DomainError } from '../domainError.ts';
import { createHash } from 'node:crypto';

/** The image's hash: its ETag and the key of its cached copy. */
const slideEtag = (image: Buffer) => createHash('sha256').update(image).digest('base64url').slice(0, 27);

/** What the first bytes say the image is; the declared type must agree, so no other file hides in a deck. */
export function sniffImage(b: Buffer): SlideType | null {
  if (b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length > 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  return null;
}

/**
 * Slide decks of briefings: replaced whole (in one transaction), served page by page. When a slide
 * changes, every attendee asks for the page within a second: images come from a bounded in-memory cache
 * keyed by their hash, so the database is read once per page and process, not once per attendee.
 */
export function createSlideService(db: Db, cacheBytes = 64 * 1024 * 1024) {
  const images = new LRUCache<string, Buffer>({ maxSize: cacheBytes, sizeCalculation: (b) => b.length });
  return {
    async replace(eventId: number, deck: SlideDeckUpload): Promise<SlideView[]> {
      const rows = deck.pages.map((p, i) => {
        const image = Buffer.from(p.data, 'base64');
        const actual = sniffImage(image);
        if (actual !== p.type) {
          throw new DomainError(
            'badSlide',
            `page ${i + 1}: the data is ${actual ?? 'not a PNG, JPEG or WebP image'}, not ${p.type}`,
          );
        }
        return {
          event_id: eventId,
          page: i + 1,
          mime: p.type,
          image,
          text: p.text.trim(),
          etag: slideEtag(image),
        };
      });
      await db.transaction().execute(async (tx) => {
        await tx.deleteFrom('event_slides').where('event_id', '=', eventId).execute();
        for (const r of rows) await tx.insertInto('event_slides').values(r).execute();
      });
      return this.list(eventId);
    },

    async list(eventId: number): Promise<SlideView[]> {
      const rows = await db
        .selectFrom('event_slides')
        .select(['page', 'text', 'etag'])
        .where('event_id', '=', eventId)
        .orderBy('page')
        .execute();
      // The image's hash in its URL: a replaced page has a new URL (browsers load it, even when the new
      // deck has as many pages), and a URL names one image for good, so it may be cached for good.
      return rows.map(({ page, text, etag }) => ({
        page,
        text,
        url: `/api/events/${eventId}/slides/${page}${etag ? `?v=${etag}` : ''}`,
      }));
    },

    async count(eventId: number): Promise<number> {
      const r = await db
        .selectFrom('event_slides')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('event_id', '=', eventId)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },

    /** The page's type and image hash, without reading the image (unless its hash was never kept). */
    async pageInfo(eventId: number, page: number): Promise<{ mime: string; etag: string } | null> {
      const r = await db
        .selectFrom('event_slides')
        .select(['mime', 'etag'])
        .where('event_id', '=', eventId)
        .where('page', '=', page)
        .executeTakeFirst();
      if (!r) return null;
      // A page written by an older process during an upgrade: hash it now rather than share a name.
      return {
        mime: r.mime,
        etag: r.etag ?? slideEtag((await this.imageRow(eventId, page))?.image ?? Buffer.alloc(0)),
      };
    },

    /** The image with that hash (null if the deck was replaced in the meantime). */
    async image(eventId: number, page: number, etag: string): Promise<Buffer | null> {
      const key = `${eventId}/${page}/${etag}`;
      const cached = images.get(key);
      if (cached) return cached;
      const r = await this.imageRow(eventId, page);
      if (!r || (r.etag ?? slideEtag(r.image)) !== etag) return null;
      images.set(key, r.image);
      return r.image;
    },

    imageRow(eventId: number, page: number) {
      return db
        .selectFrom('event_slides')
        .select(['image', 'etag'])
        .where('event_id', '=', eventId)
        .where('page', '=', page)
        .executeTakeFirst();
    },
  };
}
export type SlideService = ReturnType<typeof createSlideService>;
