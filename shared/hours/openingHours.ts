import { z } from 'zod';

export const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type Weekday = z.infer<typeof Weekday>;
const WEEKDAYS = Weekday.options;

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'times are HH:MM, 24-hour');
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** One opening rule: these weekdays, from `open` to `close` local time (the city's time zone). */
export const OpeningRule = z
  .object({ days: z.array(Weekday).min(1), open: Clock, close: Clock })
  .refine((r) => minutesOf(r.open) < minutesOf(r.close), { message: 'open must be before close' });
export type OpeningRule = z.infer<typeof OpeningRule>;
export const OpeningHours = z.array(OpeningRule);
export type OpeningHours = z.infer<typeof OpeningHours>;

interface LocalParts {
  year: number;
  month: number;
  day: number;
  weekday: Weekday;
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      weekday: 'short',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(name: string): boolean {
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

function localParts(at: Date, timeZone: string): LocalParts {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: String(parts.weekday).toLowerCase().slice(0, 3) as Weekday,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** The instant when the wall clock in `timeZone` shows this date and time (corrected once for DST). */
function zonedInstant(year: number, month: number, day: number, minutes: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, 0, minutes);
  const offsetAt = (t: number) => {
    const p = localParts(new Date(t), timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, 0, p.minutes) - Math.floor(t / 60_000) * 60_000;
  };
  const first = wall - offsetAt(wall);
  return new Date(wall - offsetAt(first));
}

export function isOpenAt(hours: OpeningHours, at: Date, timeZone: string): boolean {
  const p = localParts(at, timeZone);
  return hours.some(
    (r) => r.days.includes(p.weekday) && p.minutes >= minutesOf(r.open) && p.minutes < minutesOf(r.close),
  );
}

/** When the current opening period ends, or null if closed now. */
export function closesAt(hours: OpeningHours, at: Date, timeZone: string): Date | null {
  const p = localParts(at, timeZone);
  const rule = hours.find(
    (r) => r.days.includes(p.weekday) && p.minutes >= minutesOf(r.open) && p.minutes < minutesOf(r.close),
  );
  return rule ? zonedInstant(p.year, p.month, p.day, minutesOf(rule.close), timeZone) : null;
}

/** The next time the counter opens after `at` (within two weeks), or null if it never opens. */
export function nextOpening(hours: OpeningHours, at: Date, timeZone: string): Date | null {
  const today = localParts(at, timeZone);
  for (let offset = 0; offset < 15; offset++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    const weekday = WEEKDAYS[(date.getUTCDay() + 6) % 7]!;
    const opens = hours
      .filter((r) => r.days.includes(weekday))
      .map((r) => minutesOf(r.open))
      .sort((a, b) => a - b);
    for (const minutes of opens) {
      const instant = zonedInstant(
        date.getUTCFullYear(),
        date.getUTCMonth() + 1,
        date.getUTCDate(),
        minutes,
        timeZone,
      );
      if (instant.getTime() > at.getTime()) return instant;
    }
  }
  return null;
}

/** The hour (0–23) the city's clocks show at `at`: the city's figures count by local hour. */
export function localHour(at: Date, timeZone: string): number {
  return Math.floor(localParts(at, timeZone).minutes / 60);
}

/** The instant a city day (YYYY-MM-DD) begins, so a range of local days can select stored timestamps. */
export function dayStartsAt(day: string, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return zonedInstant(year, month, date, 0, timeZone);
}

/** The city's calendar date (YYYY-MM-DD) at `at`: ticket numbers restart with each local day. */
export function localDay(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}
