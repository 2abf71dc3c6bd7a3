import type { Hall } from '../../../shared/layout/hallLayout.ts';
import type { CatalogService } from '../services/catalogService.ts';
import type {
  BriefingFigure,
  CounterFigure,
  Figures,
  OutcomeFigure,
  OutcomeKey,
} from '../../../shared/protocol/figures.ts';
import { Outcome } from '../../../shared/protocol/records.ts';
import { eachDay } from '../../../shared/figures/days.ts';
import type { ActivityReader } from './activity.ts';
import { counterStats, groupBy } from './counterStats.ts';

export const TOP_PROCEDURES = 20;

const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);
const most = (values: Iterable<number>) => [...values].reduce((a, b) => Math.max(a, b), 0);

/** Counts per subject of some usage rows. */
function bySubject(rows: readonly { subject: string; count: number; peak: number }[]) {
  const out = new Map<string, { count: number; peak: number }>();
  for (const r of rows) {
    const s = out.get(r.subject) ?? { count: 0, peak: 0 };
    out.set(r.subject, { count: s.count + r.count, peak: Math.max(s.peak, r.peak) });
  }
  return out;
}

/**
 * The city's figures for a range of city days: aggregates only. Names come from the catalogue and the
 * hall (procedures, life events, counters) and from the events table (briefing titles), never people.
 */
export function createFiguresService(deps: {
  activity: ActivityReader;
  catalog: CatalogService;
  hall: Hall;
}) {
  const { activity } = deps;

  async function counters(from: string, to: string): Promise<CounterFigure[]> {
    const tickets = groupBy(await activity.tickets(from, to), (t) => t.counterId);
    const minutes = bySubject(await activity.usage(['staffMinutes'], from, to));
    const desks = deps.hall.serviceDesks;
    const ids = [...new Set([...desks.map((c) => c.id), ...tickets.keys(), ...minutes.keys()])];
    return ids.map((id) => {
      const desk = desks.find((c) => c.id === id);
      return {
        counterId: id,
        number: desk?.number ?? null,
        name: desk?.name ?? null,
        ...counterStats(tickets.get(id) ?? [], minutes.get(id)?.count ?? 0),
      };
    });
  }

  async function consultations(from: string, to: string) {
    const facts = await activity.consultations(from, to);
    const keys: OutcomeKey[] = [...Outcome.options, 'none'];
    const outcomes: OutcomeFigure[] = keys.map((outcome) => ({
      outcome,
      consultations: facts.filter((f) => (f.outcome ?? 'none') === outcome).length,
    }));
    const ratings = [1, 2, 3, 4, 5].map((rating) => ({
      rating,
      count: facts.filter((f) => f.rating === rating).length,
    }));
    return { outcomes, ratings };
  }

  async function briefings(from: string, to: string): Promise<BriefingFigure[]> {
    const joins = bySubject(await activity.usage(['briefingJoin'], from, to));
    const questions = bySubject(await activity.usage(['briefingQuestion'], from, to));
    const ids = [...new Set([...joins.keys(), ...questions.keys()])].map(Number).filter(Number.isInteger);
    const events = await activity.events(ids);
    return ids
      .map((id) => {
        const e = events.find((x) => x.id === id);
        return {
          eventId: id,
          title: e ? { ja: e.title_ja, en: e.title_en } : null,
          startsAt: e?.starts_at ?? null,
          joins: joins.get(String(id))?.count ?? 0,
          peakAudience: joins.get(String(id))?.peak ?? 0,
          questions: questions.get(String(id))?.count ?? 0,
        };
      })
      .sort((a, b) => (a.startsAt ?? '').localeCompare(b.startsAt ?? '') || a.eventId - b.eventId);
  }

  return {
    async figures(from: string, to: string, peopleNow: number): Promise<Figures> {
      const catalog = deps.catalog.get();
      const hall = await activity.usage(['hall'], from, to);
      const visits = await activity.visitsPerDay(from, to);
      const days = eachDay(from, to);
      const hallByDay = groupBy(hall, (r) => r.day);
      const byHour = Array.from({ length: 24 }, (_, hour) => {
        const rows = hall.filter((r) => r.hour === hour);
        return { hour, entries: sum(rows.map((r) => r.count)), peak: most(rows.map((r) => r.peak)) };
      });
      const byDay = days.map((day) => {
        const v = visits.find((x) => x.day === day);
        const hours = hallByDay.get(day) ?? [];
        return {
          day,
          entries: v?.entries ?? sum(hours.map((r) => r.count)),
          peak: Math.max(v?.peak ?? 0, most(hours.map((r) => r.peak))),
        };
      });

      const opens = new Map<string, number>();
      for (const o of await activity.linkOpens(from, to)) {
        opens.set(o.procedureId, (opens.get(o.procedureId) ?? 0) + o.opens);
      }
      const procedures = [...opens]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, TOP_PROCEDURES)
        .map(([procedureId, n]) => ({
          procedureId,
          name: catalog.procedures.find((p) => p.id === procedureId)?.name ?? null,
          opens: n,
        }));

      const checklists = [...bySubject(await activity.usage(['checklist'], from, to))]
        .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
        .map(([lifeEventId, c]) => ({
          lifeEventId,
          name: catalog.lifeEvents.find((e) => e.id === lifeEventId)?.name ?? null,
          started: c.count,
        }));

      const guideRows = groupBy(
        await activity.usage(['guideAnswered', 'guideUnanswered'], from, to),
        (r) => r.day,
      );
      const guide = days.map((day) => {
        const rows = guideRows.get(day) ?? [];
        const of = (kind: string) => sum(rows.filter((r) => r.kind === kind).map((r) => r.count));
        return { day, answered: of('guideAnswered'), unanswered: of('guideUnanswered') };
      });

      return {
        from,
        to,
        timeZone: deps.hall.layout.timeZone,
        peopleNow,
        byHour,
        byDay,
        counters: await counters(from, to),
        ...(await consultations(from, to)),
        procedures,
        checklists,
        briefings: await briefings(from, to),
        guide,
      };
    },
  };
}
export type FiguresService = ReturnType<typeof createFiguresService>;
