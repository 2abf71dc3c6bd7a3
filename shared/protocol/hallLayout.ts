import { z } from 'zod';
import { HallLayout } from '../layout/layoutSchema.ts';

/** One problem of an uploaded hall layout: where in the file (a JSON path or a line), and why. */
export const LayoutProblem = z.object({ path: z.string(), reason: z.string() });
export type LayoutProblem = z.infer<typeof LayoutProblem>;

/** `GET /api/hall`: the layout in use and its version (a hash; the hall room names it on changes). */
export const HallLayoutResponse = z.object({ version: z.string(), layout: HallLayout });
export type HallLayoutResponse = z.infer<typeof HallLayoutResponse>;

/** Hall room → everyone, when an admin puts another layout live: fetch it again. */
export const LayoutChangedMessage = z.object({ version: z.string() });
export type LayoutChangedMessage = z.infer<typeof LayoutChangedMessage>;

const Point = z.tuple([z.number(), z.number()]);

/** One difference between an uploaded plan and the plan in use (worded by the admin console). */
export const LayoutChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('counterAdded'), id: z.string(), number: z.number() }),
  z.object({ kind: z.literal('counterRemoved'), id: z.string(), number: z.number() }),
  z.object({ kind: z.literal('counterMoved'), id: z.string(), number: z.number(), from: Point, to: Point }),
  z.object({ kind: z.literal('counterRenumbered'), id: z.string(), number: z.number(), was: z.number() }),
  z.object({ kind: z.literal('areaAdded'), id: z.string() }),
  z.object({ kind: z.literal('areaRemoved'), id: z.string() }),
  z.object({ kind: z.literal('areaResized'), id: z.string() }),
  z.object({ kind: z.literal('walls') }),
  z.object({ kind: z.literal('furniture') }),
  z.object({ kind: z.literal('seats') }),
]);
export type LayoutChange = z.infer<typeof LayoutChange>;

/** An admin's upload, checked: a preview with its differences from the live plan, or its problems. */
export const LayoutDraftView = z.object({
  id: z.number().int(),
  fileName: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
  /** Null when the file itself has problems; a sound plan that does not fit the city hall is still shown (id 0: not kept, cannot go live). */
  layout: HallLayout.nullable(),
  version: z.string().nullable(),
  problems: z.array(LayoutProblem),
  /** What moves for residents: counters added, removed or moved, areas added or removed. */
  changes: z.array(LayoutChange),
});
export type LayoutDraftView = z.infer<typeof LayoutDraftView>;

/** The upload request: the file's name and its text (a hall JSON file is small). */
export const LayoutUpload = z.strictObject({
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .regex(/^[^/\\\u0000-\u001f]+$/, 'a file name without folders'),
  text: z.string().min(2).max(1_000_000, 'a hall layout file is at most 1 MB'),
});
export type LayoutUpload = z.infer<typeof LayoutUpload>;
