import { z } from 'zod';
import type { LocalizedText } from '../i18n/localized.ts';
import type { Outcome } from './records.ts';
import { Day, daysInRange } from '../figures/days.ts';

/** The longest range one request may ask for: a year, leap day included. */
export const MAX_RANGE_DAYS = 366;

/** `?from=&to=` (city days, both included); a missing end is filled in by the server. */
export const RangeQuery = z.strictObject({ from: Day.optional(), to: Day.optional() });

/** Why a range cannot be served, or null. */
export function rangeProblem(from: string, to: string): string | null {
  if (from > to) return 'from must not be after to';
  if (daysInRange(from, to) > MAX_RANGE_DAYS) return `a range is at most ${MAX_RANGE_DAYS} days`;
  return null;
}

/** Entries into the hall and the most people inside at once, per hour of the day over the range. */
export interface HourFigure {
  hour: number;
  entries: number;
  peak: number;
}

export interface DayFigure {
  day: string;
  entries: number;
  peak: number;
}

export interface CounterFigure {
  counterId: string;
  /** The counter's number and name in the hall in use; null for a counter no longer in it. */
  number: number | null;
  name: LocalizedText | null;
  /** Numbers taken at this counter (a transferred number counts where it ended). */
  tickets: number;
  /** Of those, called by staff; served (consultation finished) and no-shows. */
  called: number;
  served: number;
  noShows: number;
  /** No-shows per called number, 0–1. */
  noShowRate: number | null;
  /** Waits from taking the number to being called, in minutes (numbers transferred in left out). */
  waits: number;
  waitP50Min: number | null;
  waitP90Min: number | null;
  /** Hours staff were on duty at the counter (sampled each minute). */
  staffHours: number;
  servedPerStaffHour: number | null;
}

export type OutcomeKey = Outcome | 'none';

export interface OutcomeFigure {
  outcome: OutcomeKey;
  consultations: number;
}

export interface RatingFigure {
  rating: number;
  count: number;
}

export interface ProcedureFigure {
  procedureId: string;
  name: LocalizedText | null;
  opens: number;
}

export interface ChecklistFigure {
  lifeEventId: string;
  name: LocalizedText | null;
  started: number;
}

export interface BriefingFigure {
  eventId: number;
  title: { ja: string; en: string } | null;
  startsAt: string | null;
  /** Residents who joined (one who leaves and comes back counts again), the largest audience at once. */
  joins: number;
  peakAudience: number;
  questions: number;
}

export interface GuideFigure {
  day: string;
  answered: number;
  unanswered: number;
}

/** `GET /api/figures`: aggregates only, never a nickname, token or contact. */
export interface Figures {
  from: string;
  to: string;
  /** The city's time zone: days and hours are its calendar and clock. */
  timeZone: string;
  /** People in the hall rooms right now (residents and staff). */
  peopleNow: number;
  byHour: HourFigure[];
  byDay: DayFigure[];
  counters: CounterFigure[];
  outcomes: OutcomeFigure[];
  ratings: RatingFigure[];
  /** The 20 procedures whose online link was opened most. */
  procedures: ProcedureFigure[];
  checklists: ChecklistFigure[];
  briefings: BriefingFigure[];
  guide: GuideFigure[];
}
