import { z } from 'zod';
import { plainText } from '../plainText.ts';

const Text = (max: number) => plainText({ label: 'the text', max, required: true, lines: true });

/** A briefing as a host creates it. Times are ISO with offset; capacity counts seats plus overflow. */
export const NewEvent = z
  .strictObject({
    title: z.strictObject({ ja: Text(120), en: Text(120) }),
    description: z.strictObject({ ja: Text(2000), en: Text(2000) }),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    capacity: z.number().int().min(1).max(5000),
    /** Staff usernames who present (they must be hosts or admins). */
    presenters: z.array(z.string().max(32)).max(10).default([]),
    /** Staff usernames who type the captions (要約筆記) and who interpret into sign language. */
    captioners: z.array(z.string().max(32)).max(5).default([]),
    interpreters: z.array(z.string().max(32)).max(3).default([]),
  })
  .refine((e) => Date.parse(e.endsAt) > Date.parse(e.startsAt), {
    message: 'the end must be after the start',
  });
export type NewEvent = z.infer<typeof NewEvent>;
/** What a client sends: the lists of supporting staff may be left out. */
export type NewEventInput = z.input<typeof NewEvent>;

export const EventStatus = z.enum(['scheduled', 'live', 'ended']);
export type EventStatus = z.infer<typeof EventStatus>;

const Localized = z.object({ ja: z.string(), en: z.string() });

/** A briefing as everyone sees it (the list, and what the hall pushes when one starts or ends). */
export const EventView = z.object({
  id: z.number().int().positive(),
  title: Localized,
  description: Localized,
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().int(),
  presenters: z.array(z.string()),
  captioners: z.array(z.string()),
  interpreters: z.array(z.string()),
  status: EventStatus,
});
export type EventView = z.infer<typeof EventView>;
