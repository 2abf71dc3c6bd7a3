import { z } from 'zod';
import { plainText } from '../plainText.ts';

export const SLIDE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type SlideType = (typeof SLIDE_TYPES)[number];
export const MAX_SLIDES = 80;
/** Per page, after the host's browser has rendered or shrunk it (a 1600-px WebP page is ~100–400 kB). */
export const MAX_SLIDE_BYTES = 3 * 1024 * 1024;

/** A whole deck at once, so a bad page leaves the deck already saved as it was. */
export const SlideDeckUpload = z.strictObject({
  pages: z
    .array(
      z.strictObject({
        type: z.enum(SLIDE_TYPES),
        /** The image, base64. */
        data: z.base64().max(Math.ceil(MAX_SLIDE_BYTES / 3) * 4, 'a page image is at most 3 MiB'),
        /** The page's text (from the PDF, or written by the host) for screen readers and search. */
        text: plainText({ label: 'a page text', max: 4000, lines: true }),
      }),
    )
    .min(1, 'a deck has at least one page')
    .max(MAX_SLIDES, `a deck has at most ${MAX_SLIDES} pages`),
});
export type SlideDeckUpload = z.infer<typeof SlideDeckUpload>;

export interface SlideView {
  page: number;
  text: string;
  /** Where the page image is served (same origin). */
  url: string;
}
