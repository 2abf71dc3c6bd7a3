import { describe, expect, it } from 'vitest';
import { closesAt, isOpenAt, localDay, nextOpening, OpeningHours } from '../../shared/hours/openingHours.ts';

const WEEKDAYS = OpeningHours.parse([
  { days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '08:30', close: '17:15' },
  { days: ['sat'], open: '09:00', close: '12:00' },
]);
const TZ = 'Asia/Tokyo';
const jst = (local: string) => new Date(`${local}+09:00`);

describe('opening hours on the city clock', () => {
  it.each([
    ['2026-11-25T08:29', false], // Wednesday, a minute early
    ['2026-11-25T08:30', true],
    ['2026-11-25T17:14', true],
    ['2026-11-25T17:15', false],
    ['2026-11-28T10:00', true], // Saturday morning
    ['2026-11-28T13:00', false],
    ['2026-11-29T10:00', false], // Sunday
  ])('%s JST open: %s', (at, open) => {
    expect(isOpenAt(WEEKDAYS, jst(at), TZ)).toBe(open);
  });

  it('gives the next opening: later today, tomorrow, or after the weekend', () => {
    expect(nextOpening(WEEKDAYS, jst('2026-11-25T07:00'), TZ)).toEqual(jst('2026-11-25T08:30'));
    expect(nextOpening(WEEKDAYS, jst('2026-11-25T18:00'), TZ)).toEqual(jst('2026-11-26T08:30'));
    expect(nextOpening(WEEKDAYS, jst('2026-11-28T12:30'), TZ)).toEqual(jst('2026-11-30T08:30'));
    expect(nextOpening([], jst('2026-11-28T12:30'), TZ)).toBeNull();
  });

  it('knows when the current period closes, and the local day across UTC midnight', () => {
    expect(closesAt(WEEKDAYS, jst('2026-11-25T10:00'), TZ)).toEqual(jst('2026-11-25T17:15'));
    expect(closesAt(WEEKDAYS, jst('2026-11-25T18:00'), TZ)).toBeNull();
    expect(localDay(new Date('2026-11-25T16:00:00Z'), TZ)).toBe('2026-11-26');
  });

  it('follows daylight saving time in zones that have it', () => {
    const hours = OpeningHours.parse([{ days: ['mon'], open: '09:00', close: '17:00' }]);
    // 2026-03-30 is the Monday after Europe switched to summer time (UTC+2).
    expect(nextOpening(hours, new Date('2026-03-29T12:00:00Z'), 'Europe/Berlin')).toEqual(
      new Date('2026-03-30T07:00:00Z'),
    );
  });

  it('refuses malformed rules', () => {
    expect(OpeningHours.safeParse([{ days: ['mon'], open: '17:00', close: '09:00' }]).success).toBe(false);
    expect(OpeningHours.safeParse([{ days: ['mon'], open: '8:30', close: '17:00' }]).success).toBe(false);
    expect(OpeningHours.safeParse([{ days: [], open: '08:30', close: '17:00' }]).success).toBe(false);
  });
});
