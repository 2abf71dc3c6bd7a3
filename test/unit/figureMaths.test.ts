import { describe, expect, it } from 'vitest';
import { minutes, percentile, rate, round } from '../../shared/figures/figureMaths.ts';
import { addDays, daysInRange, eachDay, isCalendarDay } from '../../shared/figures/days.ts';
import { counterStats } from '../../server/src/figures/counterStats.ts';
import { rangeProblem } from '../../shared/protocol/figures.ts';
import type { TicketFact } from '../../server/src/figures/activity.ts';

const MIN = 60_000;

describe('figures: percentiles, rates and days', () => {
  it('percentiles by nearest rank are waits someone really had', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([7], 50)).toBe(7);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([4, 1, 3, 2], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([10, 1, 9, 2, 8, 3, 7, 4, 6, 5, 11], 90)).toBe(10);
    expect(percentile([3, 3, 3], 100)).toBe(3);
  });

  it('rates say "none" instead of dividing by zero, and round', () => {
    expect(rate(1, 3)).toBe(0.333);
    expect(rate(0, 5)).toBe(0);
    expect(rate(2, 0)).toBeNull();
    expect(round(2.345, 1)).toBe(2.3);
    expect(minutes(90_000)).toBe(1.5);
  });

  it('days are calendar days, counted with both ends', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2025-02-29')).toBe(false);
    expect(isCalendarDay('2025-1-01')).toBe(false);
    expect(isCalendarDay("2025-01-01' OR 1=1")).toBe(false);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysInRange('2025-01-01', '2025-01-01')).toBe(1);
    expect(daysInRange('2024-01-01', '2024-12-31')).toBe(366);
    expect(eachDay('2025-03-30', '2025-04-02')).toEqual([
      '2025-03-30',
      '2025-03-31',
      '2025-04-01',
      '2025-04-02',
    ]);
    expect(rangeProblem('2025-01-02', '2025-01-01')).toMatch(/after/);
    expect(rangeProblem('2024-01-01', '2024-12-31')).toBeNull();
    expect(rangeProblem('2024-01-01', '2025-01-01')).toMatch(/366/);
  });

  it("a counter's numbers: waits leave out transferred numbers, served per staff hour", () => {
    const t = (status: string, waitMin: number | null, transferred = false): TicketFact => ({
      day: '2025-01-06',
      counterId: 'c1',
      status,
      takenAt: 0,
      calledAt: waitMin === null ? null : waitMin * MIN,
      transferred,
    });
    const stats = counterStats(
      [
        t('done', 2),
        t('done', 4),
        t('done', 6),
        t('noShow', 10),
        t('done', 30, true),
        t('left', null),
        t('expired', null),
        t('waiting', null),
      ],
      90,
    );
    expect(stats).toEqual({
      tickets: 8,
      called: 5,
      served: 4,
      noShows: 1,
      noShowRate: 0.2,
      waits: 4,
      waitP50Min: 4,
      waitP90Min: 10,
      staffHours: 1.5,
      servedPerStaffHour: 2.67,
    });
    expect(counterStats([], 0)).toMatchObject({
      noShowRate: null,
      waitP50Min: null,
      servedPerStaffHour: null,
    });
  });
});
