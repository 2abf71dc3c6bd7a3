import { formatIssues } from '../rooms/common/formatIssues.ts';
import { RangeQuery, rangeProblem } from '../../../shared/protocol/figures.ts';
import { addDays } from '../../../shared/figures/days.ts';

/**
 * `?from=&to=` of the figures and open data: city days, validated; a missing end is `to` (the latest
 * day) and `days` before it. The reason when the query is not a range we serve.
 */
export function readDayRange(
  query: unknown,
  defaults: { to: string; days: number },
): { ok: true; from: string; to: string } | { ok: false; message: string } {
  const parsed = RangeQuery.safeParse(query);
  if (!parsed.success) return { ok: false, message: formatIssues(parsed.error) };
  const to = parsed.data.to ?? defaults.to;
  const from = parsed.data.from ?? addDays(to, 1 - defaults.days);
  const problem = rangeProblem(from, to);
  return problem ? { ok: false, message: problem } : { ok: true, from, to };
}
