import express, { type Application, type Request, type Response } from 'express';
import { z } from 'zod';
import { MAX_SLIDE_BYTES, MAX_SLIDES, SlideDeckUpload } from '../../../shared/protocol/index.ts';
import type { EventService } from '../services/eventService.ts';
import { DomainError } from '../domainError.ts';
import { sendRefusal } from './refusals.ts';
import type { SlideService } from '../services/slideService.ts';
import type { AuthService } from '../auth/authService.ts';
import { formatIssues } from '../rooms/common/formatIssues.ts';
import { staffGuard, type Authed } from './staffGuard.ts';
import type { Redis } from 'ioredis';
import { sharedLimiter } from '../limits/sharedLimiter.ts';

const Params = z.object({
  id: z.coerce.number().int().positive(),
  page: z.coerce.number().int().min(1).max(MAX_SLIDES).optional(),
});
/** The image hash a page URL carries (see SlideService.list); anything else is not one of our URLs. */
const PageQuery = z.object({
  v: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
});
/** A year: the URL's hash names the image, so a cached copy can never be out of date. */
const FOREVER = 'public, max-age=31536000, immutable';

/**
 * Briefing slides: hosts replace an event's deck (before or during the event); everyone reads the list of
 * pages with their text and fetches page images.
 */
export function mountSlideRoutes(
  app: Application,
  deps: {
    auth: AuthService;
    events: EventService;
    slides: SlideService;
    redis?: Redis;
    /** Tells a live briefing how many pages its deck has now. */
    onDeck?(eventId: number, pages: number): void;
  },
): void {
  const signedIn = staffGuard(deps.auth);
  // Base64 adds a third; a full deck of large pages is refused with 413 before it is parsed.
  const json = express.json({ limit: Math.ceil((MAX_SLIDES * MAX_SLIDE_BYTES * 4) / 3 / 8) });
  const params = (req: Request, res: Response) => {
    const p = Params.safeParse(req.params);
    if (!p.success) res.status(400).json({ error: 'badRequest', message: formatIssues(p.error) });
    return p.success ? p.data : null;
  };
  const refused = sendRefusal;
  // A deck is up to 240 MB of work to check and store: a host replaces one a few times, not hundreds.
  const uploads = sharedLimiter('slide-uploads', { points: 30, perSeconds: 3600 }, deps.redis);

  app.get('/api/events/:id/slides', async (req: Request, res: Response) => {
    const p = params(req, res);
    if (!p) return;
    await deps.events.get(p.id).then(
      async () => res.json(await deps.slides.list(p.id)),
      (e: unknown) => refused(res, e),
    );
  });

  app.get('/api/events/:id/slides/:page', async (req: Request, res: Response) => {
    const p = params(req, res);
    if (!p?.page) return;
    const q = PageQuery.safeParse(req.query);
    if (!q.success) return void res.status(400).json({ error: 'badRequest', message: formatIssues(q.error) });
    const missing = () => res.status(404).json({ error: 'noSuchSlide', message: `no page ${p.page}` });
    // Twice at most: a deck replaced between reading the hash and the image is read again.
    for (let attempt = 0; attempt < 2; attempt++) {
      const info = await deps.slides.pageInfo(p.id, p.page);
      if (!info) return void missing();
      res.setHeader('Content-Type', info.mime);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      // A URL without the page's current hash (an older client's, or one from before a replacement) can
      // show another image tomorrow: revalidate, by the hash kept at upload (a page the browser has is
      // answered without reading the image; others come from the cache).
      res.setHeader('Cache-Control', q.data.v === info.etag ? FOREVER : 'no-cache');
      res.setHeader('ETag', `"${info.etag}"`);
      if (req.fresh) return void res.status(304).end();
      const image = await deps.slides.image(p.id, p.page, info.etag);
      if (image) return void res.send(image);
    }
    missing();
  });

  app.put('/api/events/:id/slides', signedIn('hostEvents'), json, async (req: Authed, res: Response) => {
    const p = params(req, res);
    if (!p) return;
    const body = SlideDeckUpload.safeParse(req.body);
    if (!body.success)
      return void res.status(400).json({ error: 'badRequest', message: formatIssues(body.error) });
    try {
      const waitS = await uploads.take(String(req.staff!.id));
      if (waitS !== null) {
        throw new DomainError(
          'rateLimited',
          `too many slide uploads: try again in ${Math.ceil(waitS / 60)} min`,
        );
      }
      await deps.events.mustManage(p.id, req.staff!);
      const event = await deps.events.get(p.id);
      if (event.status === 'ended') throw new DomainError('ended', 'the event is over');
      const pages = await deps.slides.replace(p.id, body.data);
      deps.onDeck?.(p.id, pages.length);
      res.json(pages);
    } catch (e) {
      refused(res, e);
    }
  });
}
