import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages.ts';
import { plainText } from '../plainText.ts';

export const Severity = z.enum(['info', 'warning', 'emergency']);
export type Severity = z.infer<typeof Severity>;

const Line = (required: boolean) => plainText({ label: 'the announcement', max: 300, required });
const otherLanguages = Object.fromEntries(
  LANGUAGES.filter((l) => l !== 'ja').map((l) => [l, Line(false).optional()]),
) as Record<Exclude<(typeof LANGUAGES)[number], 'ja'>, z.ZodOptional<ReturnType<typeof Line>>>;

/** Longest an announcement may be scheduled ahead, and last. */
export const ANNOUNCE_AHEAD_DAYS = 30;
export const ANNOUNCE_MAX_MINUTES = 24 * 60;

/**
 * An announcement as an admin or host sends it: Japanese required, any other language of the hall
 * optional (a missing one shows the Japanese, marked). Without `startsAt` it goes out now; without
 * `minutes` it stays until someone ends it (emergencies usually).
 */
export const NewAnnouncement = z.strictObject({
  texts: z.strictObject({ ja: Line(true), ...otherLanguages }),
  severity: Severity,
  startsAt: z.iso.datetime({ offset: true }).optional(),
  minutes: z.number().int().min(1).max(ANNOUNCE_MAX_MINUTES).nullable().default(null),
});
export type NewAnnouncement = z.infer<typeof NewAnnouncement>;
export type NewAnnouncementInput = z.input<typeof NewAnnouncement>;

/** An announcement as everyone in the hall receives it. */
export const AnnouncementView = z.object({
  id: z.number().int(),
  severity: Severity,
  texts: z.record(z.string(), z.string()).and(z.object({ ja: z.string() })),
  startsAt: z.string(),
  /** When it stops being shown by itself; null until someone ends it. */
  endsAt: z.string().nullable(),
});
export type AnnouncementView = z.infer<typeof AnnouncementView>;

/** What staff see of one: also who sent it and whether it was ended early. */
export interface AnnouncementRecord extends AnnouncementView {
  createdBy: string;
  createdAt: string;
  endedAt: string | null;
  endedBy: string | null;
}
