import type { Hall } from '../../../shared/layout/hallLayout.ts';
import type { CatalogService } from '../services/catalogService.ts';
import type { UsageKind } from '../services/usageCounts.ts';
import type { BriefingFigure, CounterFigure, Figures } from '../../../shared/protocol/figures.ts';
import { eachDay } from '../../../shared/figures/days.ts';
import { groupBy } from '../../../shared/figures/figureMaths.ts';
import type { ActivityReader } from './activity.ts';
import { counterStats } from './counterStats.ts';
import { outcomeCounts, ratingCounts, visitsByDay } from './tallies.ts';

const TOP_PROCEDURES = 20;
/** Every kind of count the figures show, read in one query. */
const KINDS: UsageKind[] = [
  'hall',
  'staffMinutes',
  'checklist',
  'briefingJoin',
  'briefingQuestion',
  'guideAnswered',
  'guideUnanswered',
];

const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);
const most = (values: Iterable<number>) => [...values].reduce((a, b) => Math.max(a, b), 0);

type UsageRow = Awaited<ReturnType<ActivityReader['usage']>>[number];

/** Counts per subject of some usage rows. */
function bySubject(rows: readonly UsageRow[] = []) {
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

  function counters(ticketFacts: Awaited<ReturnType<ActivityReader['tickets']>>, staffMinutes?: UsageRow[]) {
    const tickets = groupBy(ticketFacts, (t) => t.counterId);
    const minutes = bySubject(staffMinutes);
    const desks = deps.hall.serviceDesks;
    const ids = [...new Set([...desks.map((c) => c.id), ...tickets.keys(), ...minutes.keys()])];
    return ids.map((id): CounterFigure => {
      const desk = desks.find((c) => c.id === id);
      return {
        counterId: id,
        number: desk?.number ?? null,
        name: desk?.name ?? null,
        ...counterStats(tickets.get(id) ?? [], minutes.get(id)?.count ?? 0),
      };
    });
  }

  async function briefings(joinRows?: UsageRow[], questionRows?: UsageRow[]): Promise<BriefingFigure[]> {
    const joins = bySubject(joinRows);
    const questions = bySubject(questionRows);
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
      const [usage, visits, links, consultations, tickets] = await Promise.all([
        activity.usage(KINDS, from, to),
        activity.visitsPerDay(from, to),
        activity.linkOpens(from, to),
        activity.consultations(from, to),
        activity.tickets(from, to),
      ]);
      const of = groupBy(usage, (r) => r.kind);
      const hall = of.get('hall') ?? [];
      const days = eachDay(from, to);
      const byHour = Array.from({ length: 24 }, (_, hour) => {
        const rows = hall.filter((r) => r.hour === hour);
        return { hour, entries: sum(rows.map((r) => r.count)), peak: most(rows.map((r) => r.peak)) };
      });

      const opens = new Map<string, number>();
      for (const o of links) {
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

      const checklists = [...bySubject(of.get('checklist'))]
        .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
        .map(([lifeEventId, c]) => ({
          lifeEventId,
          name: catalog.lifeEvents.find((e) => e.id === lifeEventId)?.name ?? null,
          started: c.count,
        }));

      const guideRows = groupBy(
        [...(of.get('guideAnswered') ?? []), ...(of.get('guideUnanswered') ?? [])],
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
        byDay: visitsByDay(days, visits, hall),
        counters: counters(tickets, of.get('staffMinutes')),
        outcomes: outcomeCounts(consultations),
        ratings: ratingCounts(consultations),
        procedures,
        checklists,
        briefings: await briefings(of.get('briefingJoin'), of.get('briefingQuestion')),
        guide,
      };
    },
  };
}
export type FiguresService = ReturnType<typeof createFiguresService>;
